// host/http/response.h - what a route handler answers: status, content type,
// extra headers and body. Plain data, so handlers and tests need no Poco.
#pragma once

#include <exception>
#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace ih::host::http {

inline constexpr const char* kJsonContentType = "application/json";
inline constexpr const char* kHtmlContentType = "text/html; charset=utf-8";

struct Response {
  int status = 200;
  std::string contentType = kJsonContentType;
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;
  // Set when the request body was not consumed (e.g. 413): keep-alive would
  // read the rest of it as the next request.
  bool closeConnection = false;
  // Set when the answer may leave only once something still under way is
  // done (the webhook inbox's durable write). The front calls it at once
  // with a function to call when that is done: with nullptr, and the front
  // sends this response; or with the failure, and the front sends the
  // failure's answer instead. The front's thread serves other connections
  // meanwhile instead of waiting.
  using Done = std::function<void(std::exception_ptr)>;
  std::function<void(Done)> sendOnceDone;

  static Response json(int status, std::string body);
  // {"detail": message}, the contract's shape for non-field errors.
  static Response detail(int status, std::string_view message);
  static Response noContent();
  static Response html(int status, std::string body);
  static Response text(int status, std::string contentType, std::string body);

  Response& header(std::string name, std::string value);
};

}  // namespace ih::host::http
