#include "http/response.h"

#include "ihp/sdk/json.hpp"

namespace ih::host::http {

Response Response::json(int status, std::string body) {
  Response r;
  r.status = status;
  r.body = std::move(body);
  return r;
}

Response Response::detail(int status, std::string_view message) {
  ihp::sdk::json::JsonBuilder b;
  b.beginObject().field("detail", message).endObject();
  return json(status, b.str());
}

Response Response::noContent() {
  Response r;
  r.status = 204;
  r.contentType.clear();
  return r;
}

Response Response::html(int status, std::string body) { return text(status, kHtmlContentType, std::move(body)); }

Response Response::text(int status, std::string contentType, std::string body) {
  Response r;
  r.status = status;
  r.contentType = std::move(contentType);
  r.body = std::move(body);
  return r;
}

Response& Response::header(std::string name, std::string value) {
  headers.emplace_back(std::move(name), std::move(value));
  return *this;
}

}  // namespace ih::host::http
