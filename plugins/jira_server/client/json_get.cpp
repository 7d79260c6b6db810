#include "client/json_get.h"

namespace ih::jira {

namespace json = ihp::sdk::json;

ApiResult<Done> getJson(const JiraClient& client, const std::string& path, bool cached, json::Document& out) {
  auto body = client.get(path, cached);
  if (!body) return fail(body.error());
  return JiraClient::parseBody(body.value(), out);
}

}  // namespace ih::jira
