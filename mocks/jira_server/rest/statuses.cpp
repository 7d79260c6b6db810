// Reference data resources: statuses, priorities and issue types.
#include "actions/jira_error.h"
#include "rest/resources.h"
#include "view/status_view.h"

namespace ih::mock {
namespace {

HttpResponse listStatuses(const RestCall& call) {
  return renderJson(call, 200, [&](const JiraModel& model, const ViewContext& ctx) {
    json::JsonBuilder out;
    out.beginArray();
    for (const auto& status : model.statuses) writeStatus(out, status, ctx);
    out.endArray();
    return out.str();
  });
}

HttpResponse getStatus(const RestCall& call) {
  return renderJson(call, 200, [&](const JiraModel& model, const ViewContext& ctx) {
    const auto& wanted = call.param("idOrName");
    for (const auto& status : model.statuses) {
      if (status.id == wanted || status.name == wanted) {
        json::JsonBuilder out;
        writeStatus(out, status, ctx);
        return out.str();
      }
    }
    throw JiraError::message(404, "The status with id '" + wanted + "' does not exist");
  });
}

HttpResponse listPriorities(const RestCall& call) {
  return renderJson(call, 200, [&](const JiraModel&, const ViewContext& ctx) {
    json::JsonBuilder out;
    out.beginArray();
    for (const auto& priority : priorities()) writePriority(out, priority, ctx);
    out.endArray();
    return out.str();
  });
}

HttpResponse listIssueTypes(const RestCall& call) {
  return renderJson(call, 200, [&](const JiraModel&, const ViewContext& ctx) {
    json::JsonBuilder out;
    out.beginArray();
    for (const auto& type : issueTypes()) writeIssueType(out, type, ctx);
    out.endArray();
    return out.str();
  });
}

}  // namespace

void registerStatusRoutes(RouteTable& routes) {
  routes.add("GET", "/rest/api/2/status", listStatuses);
  routes.add("GET", "/rest/api/2/status/{idOrName}", getStatus);
  routes.add("GET", "/rest/api/2/priority", listPriorities);
  routes.add("GET", "/rest/api/2/issuetype", listIssueTypes);
}

}  // namespace ih::mock
