// host/http/wire_message.h - INTERNAL to the HTTP front: converts between
// Beast's messages and the host's Poco-free RequestContext / Response.
//
// toWire() writes only headers that pass RFC 9110's field syntax
// (http/field_syntax.h): an answer carrying a bad one (a CR/LF smuggled into
// a plugin's header) becomes 500 {"detail":"Internal error"} with a log line,
// so nothing can be injected into the response. The framing headers
// (Content-Length, Transfer-Encoding, Connection) are always the front's own.
#pragma once

#include <boost/beast/http/message.hpp>
#include <boost/beast/http/string_body.hpp>

#include "http/request_context.h"
#include "http/response.h"

namespace ih::host::http {

using WireRequest = boost::beast::http::request<boost::beast::http::string_body>;
using WireResponse = boost::beast::http::response<boost::beast::http::string_body>;

// The request's method, target and headers (names lowercased); the body is
// moved out of `request`.
RequestContext contextFrom(WireRequest& request);
// The method and target only (for refusals before the body was read).
RequestContext headContextFrom(const WireRequest& request);

struct WireFraming {
  unsigned version = 11;
  bool keepAlive = true;
  bool headRequest = false;  // HEAD: headers with the body's length, no body
};

// Fills `out` from `answer` (its body is moved).
void toWire(Response&& answer, const WireFraming& framing, WireResponse& out);

}  // namespace ih::host::http
