// host/web/static_site.cpp - see static_site.h.
#include "web/static_site.h"

#include <algorithm>
#include <fstream>
#include <sstream>
#include <system_error>
#include <vector>

#include "ihp/sdk/url.hpp"
#include "web/content_types.h"

namespace ih::host::web {

namespace fs = std::filesystem;

namespace {

constexpr const char* kIndex = "index.html";

// The app loads its own scripts, styles and data only; no inline script, no
// eval, nothing from other origins, never framed.
constexpr const char* kContentSecurityPolicy =
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
    "font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

bool startsWith(std::string_view text, std::string_view prefix) { return text.substr(0, prefix.size()) == prefix; }

// Paths that belong to the API and to plugins, answered 404 by the router
// when no route matched, never by the app.
bool reservedPath(std::string_view path) {
  for (std::string_view space : {"/api", "/extensions"}) {
    if (path == space || startsWith(path, std::string(space) + "/")) return true;
  }
  return false;
}

bool safeSegment(std::string_view segment) {
  return !segment.empty() && segment.front() != '.' &&
         segment.find_first_of(std::string_view("/\\\0", 3)) == std::string_view::npos;
}

bool isWithin(const fs::path& root, const fs::path& candidate) {
  auto [rootEnd, candidateAt] = std::mismatch(root.begin(), root.end(), candidate.begin(), candidate.end());
  return rootEnd == root.end();
}

std::string entityTag(const fs::path& file) {
  std::error_code error;
  const auto size = fs::file_size(file, error);
  const auto modified = fs::last_write_time(file, error).time_since_epoch().count();
  std::ostringstream tag;
  tag << '"' << std::hex << size << '-' << modified << '"';
  return tag.str();
}

std::optional<std::string> readFile(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream content;
  content << in.rdbuf();
  return content.str();
}

}  // namespace

StaticSite::StaticSite(const fs::path& root) {
  std::error_code error;
  fs::path canonical = fs::canonical(root, error);
  root_ = error ? root : canonical;
  available_ = !error && fs::is_regular_file(root_ / kIndex, error);
}

std::optional<fs::path> StaticSite::resolve(std::string_view rawPath, bool& appRoute) const {
  std::vector<std::string> segments;
  for (size_t start = 0; start <= rawPath.size();) {
    size_t slash = rawPath.find('/', start);
    if (slash == std::string_view::npos) slash = rawPath.size();
    std::string_view raw = rawPath.substr(start, slash - start);
    start = slash + 1;
    if (raw.empty()) continue;
    std::optional<std::string> decoded = ihp::sdk::url::percentDecodeStrict(raw);
    if (!decoded || !safeSegment(*decoded)) return std::nullopt;
    segments.push_back(std::move(*decoded));
  }
  // "/" and paths whose last segment has no extension are the app's own pages.
  appRoute = segments.empty() || segments.back().find('.') == std::string::npos;
  fs::path candidate = root_;
  for (const auto& segment : segments) candidate /= segment;
  std::error_code error;
  if (!segments.empty() && fs::is_regular_file(candidate, error)) {
    const fs::path resolved = fs::canonical(candidate, error);
    if (error || !isWithin(root_, resolved)) return std::nullopt;  // a symlink out of the root
    appRoute = false;
    return resolved;
  }
  if (appRoute) return root_ / kIndex;
  return std::nullopt;
}

http::Response StaticSite::fileResponse(const http::RequestContext& ctx, const fs::path& file) const {
  const std::string tag = entityTag(file);
  const std::string type = contentTypeFor(file.filename().string());
  http::Response response;
  if (ctx.header("if-none-match").value_or("") == tag) {
    response.status = 304;
    response.contentType.clear();
  } else {
    std::optional<std::string> content = readFile(file);
    if (!content) return http::Response::detail(404, "Not found");
    response = http::Response::text(200, type, std::move(*content));
  }
  response.header("ETag", tag).header("Cache-Control", "no-cache").header("X-Content-Type-Options", "nosniff");
  if (type.rfind("text/html", 0) == 0) {
    response.header("Content-Security-Policy", kContentSecurityPolicy)
        .header("X-Frame-Options", "DENY")
        .header("Referrer-Policy", "same-origin");
  }
  return response;
}

std::optional<http::Response> StaticSite::serve(http::RequestContext& ctx) const {
  if (!available_ || (ctx.method != "GET" && ctx.method != "HEAD") || reservedPath(ctx.path)) return std::nullopt;
  bool appRoute = false;
  std::optional<fs::path> file = resolve(ctx.path, appRoute);
  ctx.routePattern = appRoute ? "/{app-page}" : "/{web-file}";
  if (!file) return http::Response::detail(404, "Not found");
  return fileResponse(ctx, *file);
}

}  // namespace ih::host::web
