// host/http/request_context.h - one incoming request as handlers see it:
// method, raw path, decoded query, lowercase headers, the size-limited body,
// the matched route's pattern and path parameters, and the authenticated
// principal once the API layer has set it. Not thread-safe (one per request).
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "auth/principal.h"
#include "http/request_target.h"
#include "ihp/sdk/json.hpp"

namespace ih::host::http {

class RequestContext {
 public:
  RequestContext() = default;
  RequestContext(std::string method, std::string_view target);

  std::string method;
  std::string path;      // raw, percent-encoded
  std::string rawQuery;  // without '?'
  NameValues query;      // decoded
  NameValues headers;    // names lowercase, values as sent
  std::string body;      // already size-limited
  NameValues pathParams;  // {name} segments of the matched pattern, decoded
  std::string routePattern = "unmatched";  // what logs and metrics name, never the raw path
  std::string clientAddress;  // the peer's IP address (sign-in rate limits)
  std::optional<auth::Principal> principal;

  std::optional<std::string> header(std::string_view lowercaseName) const;
  std::optional<std::string> queryParam(std::string_view name) const;
  // The value of a {name} segment; throws std::logic_error when the route has none.
  const std::string& pathParam(std::string_view name) const;
  // The value of a {name} segment, or nullptr (routes that may lack it).
  const std::string* findPathParam(std::string_view name) const;

  // The body parsed as a JSON object (parsed once) by the project's one JSON
  // reader. BadRequestError "Malformed JSON body" when it is not JSON (an
  // empty body counts as {}), "Malformed JSON body: not valid UTF-8 ..." or
  // "...: nested deeper than 64 levels" for the other refusals, and
  // BadRequestError when it is JSON but not an object.
  const ihp::sdk::json::Document& jsonObject();

 private:
  std::shared_ptr<ihp::sdk::json::Document> json_;
};

}  // namespace ih::host::http
