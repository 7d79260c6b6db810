// Control routes that change issues as a Jira user would, delivering the same webhooks
// as the equivalent REST calls.
#include "actions/jira_error.h"
#include "common/json.h"
#include "control/control_router.h"

namespace ih::mock {

void registerIssueControls(ControlRegistry& registry, ControlServices& services) {
  registry.add("POST", "/_mock/issues/{key}/assignee", "{assignee: name|null, actor}", [&](const RestCall& call) {
    auto body = call.jsonBody();
    const auto* assignee = json::member(body, "assignee");
    if (assignee == nullptr) return controlError(400, "assignee is required (a user name or null)");
    services.actions.assign(call.param("key"), assignee->IsString() ? std::optional<std::string>(assignee->GetString()) : std::nullopt,
                            actorOf(call, body));
    return HttpResponse::json(200, "{}");
  });
  registry.add("POST", "/_mock/issues/{key}/status", "{status: id, actor}", [&](const RestCall& call) {
    auto body = call.jsonBody();
    const auto* status = json::member(body, "status");
    auto id = status != nullptr ? json::scalarText(*status) : std::nullopt;
    if (!id) return controlError(400, "status is required (a status id)");
    services.actions.setStatus(call.param("key"), *id, actorOf(call, body));
    return HttpResponse::json(200, "{}");
  });
  registry.add("POST", "/_mock/issues/{key}/move", "{project: key, actor}: move to another project under a new key",
               [&](const RestCall& call) {
                 auto body = call.jsonBody();
                 auto project = json::string(body, "project");
                 if (!project) return controlError(400, "project is required");
                 auto newKey = services.actions.move(call.param("key"), *project, actorOf(call, body));
                 json::JsonBuilder out;
                 out.beginObject().field("key", newKey).endObject();
                 return HttpResponse::json(200, out.str());
               });
  registry.add("POST", "/_mock/issues/{key}/comments", "{body, actor}: add a comment", [&](const RestCall& call) {
    auto body = call.jsonBody();
    return HttpResponse::json(
        201, services.actions.addComment(call.param("key"), json::string(body, "body").value_or(""), actorOf(call, body)));
  });
}

}  // namespace ih::mock
