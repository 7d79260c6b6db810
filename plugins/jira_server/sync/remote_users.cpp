#include "sync/remote_users.h"

#include <string>
#include <vector>

#include "client/jira_client.h"
#include "client/jira_connection.h"
#include "client/user_api.h"
#include "common/replies.h"
#include "ihp/sdk/json.hpp"

namespace ih::jira {

namespace {

constexpr size_t kMaxRemoteUsersPerCall = 100;

}  // namespace

ihp_status runRemoteUsersResolve(const ihp::sdk::Host& host, const ihp_remote_users_call& call,
                                 ihp::sdk::Reply& reply, ResponseCache& cache) {
  namespace json = ihp::sdk::json;
  json::Document queries;
  if (!json::parse(ihp::sdk::view(call.users_json), queries) || !queries.IsArray() ||
      queries.Size() > kMaxRemoteUsersPerCall) {
    replyDetail(reply, 400, "Expected a list of at most 100 Jira user names or keys.");
    return IHP_OK;
  }
  std::vector<std::string> names;
  for (const auto& item : queries.GetArray()) {
    if (!item.IsString() || item.GetStringLength() == 0) {
      replyDetail(reply, 400, "Every Jira user must be a non-empty name or key.");
      return IHP_OK;
    }
    names.emplace_back(item.GetString(), item.GetStringLength());
  }

  ConnectionLoadError loadError;
  auto connection = loadConnection(host, call.integration_id, call.organization_id, loadError);
  if (!connection) {
    replyDetail(reply, 502, loadError.reason);
    return IHP_OK;
  }
  JiraClient client(host, std::move(*connection), &cache);
  UserApi users(client);
  json::JsonBuilder out;
  out.beginArray();
  for (const auto& name : names) {
    auto found = users.find(name);
    if (!found) {
      replyDetail(reply, 502, "Could not look up Jira user " + name + ": " + found.error().text());
      return IHP_OK;
    }
    out.beginObject().field("query", name).field("found", found.value().has_value());
    if (found.value()) {
      out.field("name", found.value()->name).field("key", found.value()->key)
          .field("displayName", found.value()->displayName);
    }
    out.endObject();
  }
  out.endArray();
  reply.json(200, out.str());
  return IHP_OK;
}

}  // namespace ih::jira
