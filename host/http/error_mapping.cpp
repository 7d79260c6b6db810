#include "http/error_mapping.h"

#include <Poco/Logger.h>

#include "common/errors.h"
#include "ihp/sdk/json.hpp"

namespace ih::host::http {

namespace {

Response validationResponse(const ValidationError& error) {
  ihp::sdk::json::JsonBuilder b;
  b.beginObject();
  for (const auto& [field, messages] : error.errors()) {
    b.key(field).beginArray();
    for (const auto& message : messages) b.value(message);
    b.endArray();
  }
  b.endObject();
  return Response::json(400, b.str());
}

Response internalError(std::string_view routePattern, std::string_view reason) {
  Poco::Logger::get("ih.http").error("unhandled error on %s: %s", std::string(routePattern), std::string(reason));
  return Response::detail(500, "Internal error");
}

}  // namespace

Response errorResponse(std::exception_ptr error, std::string_view routePattern) {
  try {
    std::rethrow_exception(error);
  } catch (const ValidationError& e) {
    return validationResponse(e);
  } catch (const BadRequestError& e) {
    return Response::detail(400, e.what());
  } catch (const UnauthorizedError& e) {
    return Response::detail(401, e.what()).header("WWW-Authenticate", "Bearer");
  } catch (const ForbiddenError& e) {
    return Response::detail(403, e.what());
  } catch (const NotFoundError& e) {
    return Response::detail(404, e.what());
  } catch (const ConflictError& e) {
    return Response::detail(409, e.what());
  } catch (const PayloadTooLargeError& e) {
    Response r = Response::detail(413, e.what());
    r.closeConnection = true;
    return r;
  } catch (const ServiceUnavailableError& e) {
    return Response::detail(503, e.what());
  } catch (const std::exception& e) {
    return internalError(routePattern, e.what());
  } catch (...) {
    return internalError(routePattern, "non-standard exception");
  }
}

}  // namespace ih::host::http
