// host/web/static_site.h - serves the web app's files from one directory
// (--web-dir; by default <binary dir>/../web, where the build puts them).
//
// Only GET and HEAD of paths outside the API's and the plugins' spaces
// (/api/, /extensions/) are answered, so the app never shadows a route: the
// dispatcher asks the site only after every host and plugin route declined.
// Rules:
//   * a path names a file below the root after percent-decoding; "." and ".."
//     segments, hidden names (".git"), backslashes, NUL and anything whose
//     resolved path (symlinks included) leaves the root are refused (404);
//   * "/" and app routes (a last segment without a dot, e.g.
//     /organizations/acme/issues/3/) answer index.html, so every page of the
//     app can be opened by URL and reloaded; a missing file with an
//     extension is a 404;
//   * Content-Type by extension; ETag from size and modification time, with
//     If-None-Match answered 304; Cache-Control "no-cache" (the files are not
//     fingerprinted, so a browser must revalidate to see an upgrade);
//   * every answer says nosniff; HTML also carries a strict
//     Content-Security-Policy (own origin only: no inline scripts, no
//     third-party requests), frame-ancestors 'none' and a same-origin
//     referrer policy.
// Files are read per request (small; the OS caches them). Thread-safe.
#pragma once

#include <filesystem>
#include <optional>

#include "http/request_context.h"
#include "http/response.h"

namespace ih::host::web {

class StaticSite {
 public:
  // `root` need not exist; then available() is false and nothing is served.
  explicit StaticSite(const std::filesystem::path& root);

  // True when the root holds index.html.
  bool available() const { return available_; }
  const std::filesystem::path& root() const { return root_; }

  // The answer for the request, or nullopt when the site does not serve
  // this path or method (the caller answers 404/405 then).
  std::optional<http::Response> serve(http::RequestContext& ctx) const;

 private:
  std::optional<std::filesystem::path> resolve(std::string_view rawPath, bool& appRoute) const;
  http::Response fileResponse(const http::RequestContext& ctx, const std::filesystem::path& file) const;

  std::filesystem::path root_;  // canonical when it exists
  bool available_ = false;
};

}  // namespace ih::host::web
