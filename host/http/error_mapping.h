// host/http/error_mapping.h - turns an exception thrown while handling a
// request into the contract's status code and body shape (common/errors.h):
//   ValidationError 400 {"field":[...]}, BadRequestError 400 {"detail"},
//   UnauthorizedError 401 (+ WWW-Authenticate: Bearer), ForbiddenError 403,
//   NotFoundError 404, ConflictError 409, PayloadTooLargeError 413,
//   ServiceUnavailableError 503.
// Anything else is a bug: 500 {"detail":"Internal error"}; the real reason
// goes only to the log, with the route pattern (never the raw path).
#pragma once

#include <exception>
#include <string_view>

#include "http/response.h"

namespace ih::host::http {

Response errorResponse(std::exception_ptr error, std::string_view routePattern);

}  // namespace ih::host::http
