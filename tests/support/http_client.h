// A blocking HTTP/1.1 client for tests: one request, the whole answer.
#pragma once

#include <chrono>
#include <map>
#include <string>

namespace ih::testing {

struct HttpResponse {
  int status = 0;
  std::string body;
  std::map<std::string, std::string> headers;  // lowercase names; repeated headers joined with ", "

  std::string header(const std::string& name) const;  // case-insensitive, "" when absent
};

// Throws std::runtime_error when no HTTP answer arrives (refused, reset, timeout).
// A body with no Content-Type header is sent as application/json.
HttpResponse httpRequest(const std::string& method, const std::string& url, const std::string& body = "",
                         const std::map<std::string, std::string>& headers = {},
                         std::chrono::milliseconds timeout = std::chrono::seconds(30));

}  // namespace ih::testing
