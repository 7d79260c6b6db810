// Workflow transitions of an issue: those available from its current status, and
// performing one.
#include "actions/jira_error.h"
#include "common/json.h"
#include "rest/resources.h"
#include "view/status_view.h"

namespace ih::mock {
namespace {

HttpResponse listTransitions(const RestCall& call) {
  return renderJson(call, 200, [&](const JiraModel& model, const ViewContext& ctx) {
    const auto* issue = model.findIssue(call.param("key"));
    if (issue == nullptr) throw issueDoesNotExist();
    json::JsonBuilder out;
    out.beginObject().field("expand", "transitions").key("transitions").beginArray();
    for (const auto* transition : model.transitionsFrom(issue->statusId)) {
      out.beginObject().field("id", transition->id).field("name", transition->name);
      if (const auto* to = transition->to ? model.findStatus(*transition->to) : nullptr) {
        out.key("to");
        writeStatus(out, *to, ctx);
      }
      out.endObject();
    }
    out.endArray().endObject();
    return out.str();
  });
}

HttpResponse doTransition(const RestCall& call) {
  auto body = call.jsonBody();
  const auto* transition = json::member(body, "transition");
  auto id = transition != nullptr ? json::string(*transition, "id") : std::nullopt;
  if (!id) throw JiraError::message(400, "Missing 'transition' identifier");
  std::vector<std::string> provided;
  if (const auto* fields = json::member(body, "fields"); fields != nullptr && fields->IsObject()) {
    for (const auto& member : fields->GetObject()) provided.emplace_back(member.name.GetString());
  }
  call.services.actions.transition(call.param("key"), *id, call.user, provided);
  return HttpResponse::noContent();
}

}  // namespace

void registerTransitionRoutes(RouteTable& routes) {
  routes.add("GET", "/rest/api/2/issue/{key}/transitions", listTransitions);
  routes.add("POST", "/rest/api/2/issue/{key}/transitions", doTransition);
}

}  // namespace ih::mock
