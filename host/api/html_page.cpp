#include "api/html_page.h"

namespace ih::host::api {

std::string htmlPage(std::string_view title, std::string_view message) {
  std::string body = htmlEscape(message);
  for (size_t pos = body.find('\n'); pos != std::string::npos; pos = body.find('\n', pos)) {
    body.replace(pos, 1, "<br>");
  }
  const std::string t = htmlEscape(title);
  return "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>" + t + "</title></head>\n<body><h1>" + t +
         "</h1>\n<p>" + body + "</p></body></html>\n";
}

}  // namespace ih::host::api
