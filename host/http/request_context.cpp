#include "http/request_context.h"

#include <stdexcept>

#include "common/errors.h"

namespace ih::host::http {

namespace {

const std::string* find(const NameValues& values, std::string_view name) {
  for (const auto& [key, value] : values) {
    if (key == name) return &value;
  }
  return nullptr;
}

std::optional<std::string> copyOf(const std::string* value) {
  return value != nullptr ? std::optional<std::string>(*value) : std::nullopt;
}

bool isBlank(std::string_view text) { return text.find_first_not_of(" \t\r\n") == std::string_view::npos; }

}  // namespace

RequestContext::RequestContext(std::string methodName, std::string_view target) : method(std::move(methodName)) {
  RequestTarget split = splitTarget(target);
  path = std::move(split.path);
  rawQuery = std::move(split.rawQuery);
  query = ihp::sdk::url::parseQuery(rawQuery);
}

std::optional<std::string> RequestContext::header(std::string_view lowercaseName) const {
  return copyOf(find(headers, lowercaseName));
}

std::optional<std::string> RequestContext::queryParam(std::string_view name) const {
  return copyOf(find(query, name));
}

const std::string* RequestContext::findPathParam(std::string_view name) const { return find(pathParams, name); }

const std::string& RequestContext::pathParam(std::string_view name) const {
  if (const std::string* value = findPathParam(name)) return *value;
  throw std::logic_error("route has no path parameter " + std::string(name));
}

const ihp::sdk::json::Document& RequestContext::jsonObject() {
  if (json_) return *json_;
  auto doc = std::make_shared<ihp::sdk::json::Document>();
  // A request without a body (e.g. POST .../tokens/) is an empty object.
  std::string_view text = isBlank(body) ? std::string_view("{}") : std::string_view(body);
  if (const ihp::sdk::json::ReadResult read = ihp::sdk::json::read(text, *doc); !read) {
    // Plain syntax errors keep the short detail clients already know.
    if (read.error == ihp::sdk::json::ReadError::Syntax) throw BadRequestError("Malformed JSON body");
    throw BadRequestError("Malformed JSON body: " + read.reason());
  }
  if (!doc->IsObject()) throw BadRequestError("The request body must be a JSON object.");
  json_ = std::move(doc);
  return *json_;
}

}  // namespace ih::host::http
