// host/http/request_target.h - splitting a request target into its raw path
// and query. Percent-decoding and query parsing are the SDK's
// (ihp/sdk/url.hpp), the project's one percent codec; route parameters are
// decoded by the route matcher (routing/path_pattern.h).
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

}  // namespace ih::host::http
