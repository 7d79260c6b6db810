// User mappings of an organization's integration (owners), for remote sides
// that hide emails: GET|PUT /api/0/organizations/{org}/integrations/{id}/
// user-mappings/ with [{"jiraUser": "<name or key>", "userId"}]. A PUT
// replaces the whole list, and only a list that checks out is stored: every
// user is a member of the organization, and the plugin confirms every remote
// user exists (remote_users_resolve, ABI 1.3); the stored mapping keeps the
// remote user's login name, stable key and display name as the plugin found
// them. Audited with the list before and after.
#include <set>

#include "api/api_router.h"
#include "api/audit_trail.h"
#include "api/json_input.h"
#include "api/json_response.h"
#include "api/plugin_replies.h"
#include "api/route_groups.h"
#include "api/serializers.h"
#include "common/errors.h"
#include "domain/directory_service.h"
#include "domain/integration_service.h"
#include "plugins/plugin_registry.h"
#include "storage/user_mapping_repository.h"

namespace ih::host::api {

namespace {

namespace json = ihp::sdk::json;

constexpr size_t kMaxUserMappings = 100;

struct RequestedMapping {
  std::string jiraUser;
  int64_t userId = 0;
};

void writeMapping(JsonBuilder& b, const storage::UserMappingRow& row) {
  b.beginObject().field("jiraUser", row.remoteName);
  if (row.remoteKey) {
    b.field("jiraUserKey", *row.remoteKey);
  } else {
    b.nullField("jiraUserKey");
  }
  if (row.remoteDisplayName) {
    b.field("jiraDisplayName", *row.remoteDisplayName);
  } else {
    b.nullField("jiraDisplayName");
  }
  b.field("userId", idString(row.userId)).endObject();
}

std::string mappingsJson(const std::vector<storage::UserMappingRow>& rows) {
  JsonBuilder b;
  b.beginArray();
  for (const auto& row : rows) writeMapping(b, row);
  b.endArray();
  return b.str();
}

// The body's list, checked for shape, duplicates and membership.
std::vector<RequestedMapping> requestedMappings(ApiCall& call) {
  json::Document body;
  if (!json::parse(call.request.body, body) || !body.IsArray()) {
    throw BadRequestError("Expected a JSON list of {\"jiraUser\", \"userId\"}.");
  }
  if (body.Size() > kMaxUserMappings) throw ValidationError("mappings", "At most 100 user mappings.");
  std::vector<RequestedMapping> mappings;
  std::set<std::string> remoteNames;
  std::set<int64_t> userIds;
  for (const auto& item : body.GetArray()) {
    if (!item.IsObject()) throw ValidationError("mappings", "Every mapping must be an object.");
    RequestedMapping mapping{requireString(item, "jiraUser"), requireId(item, "userId")};
    if (!remoteNames.insert(mapping.jiraUser).second) {
      throw ValidationError("jiraUser", "Jira user " + mapping.jiraUser + " is mapped twice.");
    }
    // One Jira user per member: outbound assignment must know which one to pick.
    if (!userIds.insert(mapping.userId).second) {
      throw ValidationError("userId", "User " + std::to_string(mapping.userId) + " is mapped twice.");
    }
    if (!call.services.directory.roleOf(call.uow, call.org().id, mapping.userId)) {
      throw ValidationError("userId", "User " + std::to_string(mapping.userId) + " is not a member of this organization.");
    }
    mappings.push_back(std::move(mapping));
  }
  return mappings;
}

std::string namesJson(const std::vector<RequestedMapping>& mappings) {
  JsonBuilder b;
  b.beginArray();
  for (const auto& mapping : mappings) b.value(mapping.jiraUser);
  b.endArray();
  return b.str();
}

http::Response listMappings(ApiCall& call) {
  const auto view = call.services.integrations.getForOrganization(call.uow, call.org().id, pathId(call.request, "id"));
  const auto rows = storage::UserMappingRepository(call.uow).list(call.org().id, view.integration.id);
  return jsonListResponse(200, rows, writeMapping);
}

http::Response replaceMappings(ApiCall& call) {
  const auto view = call.services.integrations.getForOrganization(call.uow, call.org().id, pathId(call.request, "id"));
  const int64_t integrationId = view.integration.id;
  const auto requested = requestedMappings(call);

  std::vector<storage::UserMappingRow> rows;
  if (!requested.empty()) {
    plugins::LoadedPlugin* plugin = call.services.plugins.find(view.integration.provider);
    if (plugin == nullptr) throw BadRequestError("The integration's plugin is not loaded.");
    plugins::CallScope scope{call.uow, call.org().id, call.principal.userIdOrZero()};
    plugins::HookReply reply = plugin->remoteUsersResolve(scope, integrationId, namesJson(requested));
    if (reply.status == IHP_E_UNSUPPORTED) throw BadRequestError("This integration cannot check remote users.");
    if (reply.httpStatus == 400) return pluginValidationResponse(reply);
    json::Document found;
    if (!succeeded(reply, 200) || !json::parse(reply.body, found) || !found.IsArray() ||
        found.Size() != requested.size()) {
      return pluginFailureResponse(reply, plugin->info().key, "remote_users_resolve");
    }
    for (size_t i = 0; i < requested.size(); ++i) {
      const json::Value& user = found[static_cast<rapidjson::SizeType>(i)];
      if (!user.IsObject() || !json::truthy(user, "found")) {
        throw ValidationError("jiraUser", "Jira user " + requested[i].jiraUser + " does not exist.");
      }
      storage::UserMappingRow row;
      row.remoteName = json::stringOr(user, "name", requested[i].jiraUser);
      if (auto key = json::string(user, "key"); key && !key->empty()) row.remoteKey = key;
      if (auto name = json::string(user, "displayName"); name && !name->empty()) row.remoteDisplayName = name;
      row.userId = requested[i].userId;
      rows.push_back(std::move(row));
    }
  }

  storage::UserMappingRepository repository(call.uow);
  const std::string before = mappingsJson(repository.list(call.org().id, integrationId));
  repository.replaceAll(call.org().id, integrationId, rows, call.services.directory.clock().nowMs());
  const auto stored = repository.list(call.org().id, integrationId);
  JsonBuilder data;
  data.beginObject().rawField("before", before).rawField("after", mappingsJson(stored)).endObject();
  recordAudit(call, {"integration.user_mappings_changed", "integration", std::to_string(integrationId), data.str()});
  return jsonListResponse(200, stored, writeMapping);
}

}  // namespace

void registerUserMappingRoutes(ApiRouter& api) {
  api.add("GET", "/api/0/organizations/{org}/integrations/{id}/user-mappings/", Access::OrgOwner, listMappings);
  api.add("PUT", "/api/0/organizations/{org}/integrations/{id}/user-mappings/", Access::OrgOwner, replaceMappings);
}

}  // namespace ih::host::api
