// host/plugins/host_json.cpp - see host_json.h.
#include "plugins/host_json.h"

#include "ihp/sdk/json.hpp"

namespace ih::host::plugins::json_out {

namespace {

using ihp::sdk::json::JsonBuilder;

// Stored JSON columns are spliced as they are; an empty one becomes {}.
std::string_view objectOrEmpty(const std::string& json) { return json.empty() ? std::string_view("{}") : json; }

template <class Item, class Write>
std::string array(const std::vector<Item>& items, Write write) {
  JsonBuilder out;
  out.beginArray();
  for (const auto& item : items) write(out, item);
  out.endArray();
  return out.str();
}

}  // namespace

std::string integration(const storage::Integration& integration) {
  JsonBuilder out;
  out.beginObject()
      .field("id", integration.id)
      .field("provider", integration.provider)
      .field("externalId", integration.externalId)
      .field("name", integration.name)
      .field("status", storage::toString(integration.status))
      .rawField("metadata", objectOrEmpty(integration.metadataJson))
      .endObject();
  return out.str();
}

std::string orgLinks(const std::vector<domain::OrgLinkInfo>& links) {
  return array(links, [](JsonBuilder& out, const domain::OrgLinkInfo& link) {
    out.beginObject()
        .field("organizationId", link.organizationId)
        .field("pluginEnabled", link.pluginEnabled)
        .field("status", storage::toString(link.status))
        .rawField("config", objectOrEmpty(link.configJson))
        .endObject();
  });
}

std::string linkedIssues(const std::vector<domain::LinkedIssue>& issues) {
  return array(issues, [](JsonBuilder& out, const domain::LinkedIssue& issue) {
    out.beginObject()
        .field("organizationId", issue.organizationId)
        .field("issueId", issue.issueId)
        .field("projectId", issue.projectId)
        .field("externalIssueId", issue.externalIssueId)
        .field("status", storage::toString(issue.status))
        .field("assigneeId", issue.assigneeUserId)
        .endObject();
  });
}

std::string users(const std::vector<storage::User>& users) {
  return array(users, [](JsonBuilder& out, const storage::User& user) {
    out.beginObject().field("id", user.id).field("email", user.email).field("name", user.name).endObject();
  });
}

std::string assigneeSync(const domain::AssigneeSyncResult& result) {
  JsonBuilder out;
  out.beginObject()
      .field("affected", result.affected)
      .field("assigned", result.assigned)
      .field("unassigned", result.unassigned)
      .field("unchanged", result.unchanged)
      .field("stale", result.stale)
      .field("userNotFound", result.userNotFound)
      .endObject();
  return out.str();
}

std::string statusSync(const domain::StatusSyncResult& result) {
  JsonBuilder out;
  out.beginObject()
      .field("affected", result.affected)
      .field("changed", result.changed)
      .field("stale", result.stale)
      .endObject();
  return out.str();
}

}  // namespace ih::host::plugins::json_out
