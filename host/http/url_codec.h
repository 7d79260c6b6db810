// host/http/url_codec.h - the small amount of URL parsing the server needs:
// splitting a request target into path and query, percent-decoding, and
// query-string parsing. Kept free of Poco so the router and tests stay light.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "ihp/sdk/url.hpp"

namespace ih::host::http {

using NameValues = ihp::sdk::url::NameValues;

struct RequestTarget {
  std::string path;      // raw (still percent-encoded), never empty
  std::string rawQuery;  // without '?'
};

// "/a/b?x=1#frag" -> {"/a/b", "x=1"}; an absolute-form target keeps only its path.
RequestTarget splitTarget(std::string_view target);

// Decoding and query parsing are the SDK's, shared with plugins.
using ihp::sdk::url::parseQuery;
using ihp::sdk::url::percentDecode;

}  // namespace ih::host::http
