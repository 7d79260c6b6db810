// client/json_get.h - "GET this path and give me its JSON", the step every
// typed read of the resource APIs (issue_api, user_api, ...) starts with, so
// each of them only maps Jira's document into its own small struct.
#pragma once

#include <string>

#include "client/jira_client.h"

namespace ih::jira {

// GET `path` (through the response cache when `cached`) and parse the body
// into `out`; an HTTP/transport failure or a non-JSON body is the error.
ApiResult<Done> getJson(const JiraClient& client, const std::string& path, bool cached, ihp::sdk::json::Document& out);

// The id member `key` of a Jira object as text ("10000" or 10000), empty when
// absent or of another type.
inline std::string idText(const ihp::sdk::json::Value& object, std::string_view key) {
  return ihp::sdk::json::scalarText(object, key).value_or("");
}

}  // namespace ih::jira
