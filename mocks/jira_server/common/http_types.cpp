#include "common/http_types.h"

#include <algorithm>
#include <cctype>

namespace ih::mock {

std::string lowercase(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

std::string headerValue(const HeaderList& headers, std::string_view name) {
  auto wanted = lowercase(name);
  for (const auto& [n, v] : headers) {
    if (n == wanted) return v;
  }
  return {};
}

std::optional<std::string> HttpRequest::queryParam(std::string_view name) const {
  for (auto& [n, v] : queryParams()) {
    if (n == name) return v;
  }
  return std::nullopt;
}

std::string HttpRequest::mediaType() const {
  auto type = header("content-type");
  type = type.substr(0, type.find(';'));
  while (!type.empty() && type.back() == ' ') type.pop_back();
  return lowercase(type);
}

void HttpResponse::setHeader(std::string_view name, std::string value) {
  auto lower = lowercase(name);
  std::erase_if(headers, [&](const auto& h) { return h.first == lower; });
  headers.emplace_back(lower, std::move(value));
}

HttpResponse HttpResponse::json(int status, std::string body) {
  return text(status, std::move(body), kJsonContentType);
}

HttpResponse HttpResponse::text(int status, std::string body, std::string contentType) {
  HttpResponse r;
  r.status = status;
  r.body = std::move(body);
  r.setHeader("content-type", std::move(contentType));
  return r;
}

HttpResponse HttpResponse::noContent(int status) {
  HttpResponse r;
  r.status = status;
  return r;
}

}  // namespace ih::mock
