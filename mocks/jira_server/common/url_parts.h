// Absolute URLs the mock splits (its own base URL, the upstream of proxy mode,
// webhook targets) and the origin it names itself by. Percent-encoding and
// query/form parsing are the SDK's (ihp/sdk/url.hpp), the project's one
// percent codec; `url::` below is that namespace.
#pragma once

#include <string>
#include <string_view>

#include "ihp/sdk/url.hpp"

namespace ih::mock {

namespace url = ihp::sdk::url;
// Ordered (name, value) pairs: query and form parameters, OAuth parameters.
using ParamList = url::NameValues;

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
