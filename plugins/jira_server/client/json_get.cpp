#include "client/json_get.h"

namespace ih::jira {

namespace json = ihp::sdk::json;

ApiResult<Done> getJson(const JiraClient& client, const std::string& path, bool cached, json::Document& out) {
  auto body = client.get(path, cached);
  if (!body) return fail(body.error());
  return JiraClient::parseBody(body.value(), out);
}

std::string idText(const json::Value& object, std::string_view key) {
  const json::Value* value = json::member(object, key);
  if (value == nullptr) return {};
  if (value->IsString()) return std::string(value->GetString(), value->GetStringLength());
  if (value->IsInt64()) return std::to_string(value->GetInt64());
  return {};
}

}  // namespace ih::jira
