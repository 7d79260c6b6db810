// client/url_codec.h - URL and form-encoding helpers for talking to Jira:
// the network location of a base URL (external ids, error texts), RFC 3986
// percent-encoding for query values, and the form-encoded bodies of Jira's
// OAuth token endpoints.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "ihp/sdk/url.hpp"

namespace ih::jira::url {

// "host[:port]" (userinfo included, as Python's urlparse().netloc) of an
// absolute URL; empty when the URL has no "scheme://".
std::string netloc(std::string_view absoluteUrl);

// RFC 3986 encoding, lenient decoding and form parsing come from the SDK.
using ihp::sdk::url::percentDecode;
using ihp::sdk::url::percentEncode;
// application/x-www-form-urlencoded "a=1&b=2" into ordered pairs (Python's
// parse_qsl with keep_blank_values).
inline ihp::sdk::url::NameValues parseForm(std::string_view body) { return ihp::sdk::url::parseQuery(body); }

// The last non-empty '/'-separated segment of a URL's path ("…/webhook/5/" -> "5").
std::string lastPathSegment(std::string_view url);

}  // namespace ih::jira::url
