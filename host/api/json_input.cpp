#include "api/json_input.h"

#include <charconv>

#include "common/errors.h"
#include "common/strings.h"

namespace ih::host::api {

namespace {

constexpr const char* kRequired = "This field is required.";

const JsonValue* present(const JsonValue& body, std::string_view field) {
  const JsonValue* v = ihp::sdk::json::member(body, field);
  return (v == nullptr || v->IsNull()) ? nullptr : v;
}

}  // namespace

std::string requireString(const JsonValue& body, std::string_view field) {
  std::optional<std::string> value = optionalString(body, field);
  if (!value || trim(*value).empty()) throw ValidationError(std::string(field), kRequired);
  return *value;
}

std::optional<std::string> optionalString(const JsonValue& body, std::string_view field) {
  const JsonValue* v = present(body, field);
  if (v == nullptr) return std::nullopt;
  if (!v->IsString()) throw ValidationError(std::string(field), "Not a valid string.");
  return std::string(v->GetString(), v->GetStringLength());
}

int64_t requireId(const JsonValue& body, std::string_view field) {
  const JsonValue* v = present(body, field);
  if (v == nullptr) throw ValidationError(std::string(field), kRequired);
  std::optional<int64_t> id;
  if (v->IsInt64() && v->GetInt64() > 0) id = v->GetInt64();
  if (v->IsString()) id = parseId(std::string_view(v->GetString(), v->GetStringLength()));
  if (!id) throw ValidationError(std::string(field), "A valid id is required.");
  return *id;
}

std::vector<std::string> stringList(const JsonValue& body, std::string_view field) {
  std::vector<std::string> out;
  const JsonValue* v = present(body, field);
  if (v == nullptr) return out;
  if (!v->IsArray()) throw ValidationError(std::string(field), "Expected a list of items.");
  for (const auto& item : v->GetArray()) {
    if (!item.IsString()) throw ValidationError(std::string(field), "Expected a list of strings.");
    out.emplace_back(item.GetString(), item.GetStringLength());
  }
  return out;
}

bool requireBool(const JsonValue& body, std::string_view field) {
  const JsonValue* v = present(body, field);
  if (v == nullptr) throw ValidationError(std::string(field), kRequired);
  if (!v->IsBool()) throw ValidationError(std::string(field), "Must be a valid boolean.");
  return v->GetBool();
}

std::optional<int64_t> parseId(std::string_view text) {
  int64_t value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || value <= 0) return std::nullopt;
  return value;
}

int64_t pathId(const http::RequestContext& ctx, std::string_view name) {
  std::optional<int64_t> id = parseId(ctx.pathParam(name));
  if (!id) throw NotFoundError();
  return *id;
}

int64_t cursorParam(const http::RequestContext& ctx) {
  const auto text = ctx.queryParam("cursor");
  if (!text || text->empty()) return 0;
  // The strict parse every id gets: "+5", " 5" and "5abc" are not ids.
  if (const auto id = parseId(*text)) return *id;
  throw ValidationError("cursor", "Expected the id of an entry.");
}

std::string toJsonText(const JsonValue& value) { return ihp::sdk::json::stringify(value); }

}  // namespace ih::host::api
