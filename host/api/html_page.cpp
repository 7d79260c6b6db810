#include "api/html_page.h"

namespace ih::host::api {

namespace {

std::string messageHtml(std::string_view message) {
  std::string body = htmlEscape(message);
  for (size_t pos = body.find('\n'); pos != std::string::npos; pos = body.find('\n', pos)) {
    body.replace(pos, 1, "<br>");
  }
  return body;
}

}  // namespace

std::string appStyledPage(std::string_view title, std::string_view message, std::string_view linkHref,
                          std::string_view linkText) {
  const std::string t = htmlEscape(title);
  return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
         "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>" + t +
         " - Integration host</title><link rel=\"stylesheet\" href=\"/app.css\"></head>\n"
         "<body><header class=\"topbar\"><a class=\"brand\" href=\"/\">Integration host</a></header>\n"
         "<main class=\"page narrow\"><h1>" + t + "</h1>\n<div class=\"notice error\" role=\"alert\"><p>" +
         messageHtml(message) + "</p></div>\n<p><a class=\"button\" href=\"" + htmlEscape(linkHref) + "\">" +
         htmlEscape(linkText) + "</a></p></main></body></html>\n";
}

std::string htmlPage(std::string_view title, std::string_view message) {
  const std::string body = messageHtml(message);
  const std::string t = htmlEscape(title);
  return "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>" + t + "</title></head>\n<body><h1>" + t +
         "</h1>\n<p>" + body + "</p></body></html>\n";
}

}  // namespace ih::host::api
