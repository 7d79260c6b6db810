// client/url_parts.h - the pieces of Jira URLs the plugin reads: the network
// location of a base URL (external ids, error texts) and the last path
// segment of a resource's self link. Percent-encoding and form parsing are
// the SDK's (ihp/sdk/url.hpp), shared with the host and the mock.
#pragma once

#include <string>
#include <string_view>

namespace ih::jira::url {

// "host[:port]" (userinfo included, as Python's urlparse().netloc) of an
// absolute URL; empty when the URL has no "scheme://".
std::string netloc(std::string_view absoluteUrl);

// The last non-empty '/'-separated segment of a URL's path ("…/webhook/5/" -> "5").
std::string lastPathSegment(std::string_view url);

}  // namespace ih::jira::url
