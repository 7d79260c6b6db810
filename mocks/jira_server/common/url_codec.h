// URL pieces the mock needs without Poco::URI: percent-decoding, query/form parsing,
// form encoding of OAuth answers, and splitting absolute URLs (base URL, upstream, webhooks).
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace ih::mock {

using ParamList = std::vector<std::pair<std::string, std::string>>;

// Decodes %XX; with plusIsSpace (HTML forms and query strings) '+' becomes ' '.
std::string percentDecode(std::string_view text, bool plusIsSpace);
// "a=1&b=%20" -> {{"a","1"},{"b"," "}}; keeps order and duplicates.
ParamList parseQueryString(std::string_view query);
// RFC 3986 §2.3 unreserved characters pass, everything else is %XX with uppercase hex
// (RFC 5849 §3.6, also fine for form values).
std::string percentEncode(std::string_view text);
// name=value&... with both sides percent-encoded.
std::string formEncode(const ParamList& params);

struct UrlParts {
  std::string scheme;  // lowercase
  std::string host;    // lowercase
  int port = 0;        // explicit or the scheme's default
  bool explicitPort = false;
  std::string path;    // without query, "" when absent
  std::string query;   // without '?'
};
// Throws std::invalid_argument when the URL has no scheme or host.
UrlParts splitUrl(std::string_view url);
// scheme://host[:port] with the default port dropped.
std::string originOf(const UrlParts& parts);

}  // namespace ih::mock
