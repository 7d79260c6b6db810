// host/http/url_codec.h - the small amount of URL parsing the server needs:
// splitting a request target into path and query, percent-decoding, and
// query-string parsing. Kept free of Poco so the router and tests stay light.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace ih::host::http {

using NameValues = std::vector<std::pair<std::string, std::string>>;

struct RequestTarget {
  std::string path;      // raw (still percent-encoded), never empty
  std::string rawQuery;  // without '?'
};

// "/a/b?x=1#frag" -> {"/a/b", "x=1"}; an absolute-form target keeps only its path.
RequestTarget splitTarget(std::string_view target);

// Decodes %XX escapes (invalid escapes are kept verbatim); with plusAsSpace,
// '+' becomes ' ' (query strings only).
std::string percentDecode(std::string_view text, bool plusAsSpace = false);

// "a=1&b=&c" -> {{"a","1"},{"b",""},{"c",""}}, names and values decoded.
NameValues parseQuery(std::string_view rawQuery);

}  // namespace ih::host::http
