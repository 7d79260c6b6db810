// Project resources: the (unpaginated) project list, one project, its versions and
// components, and its statuses per issue type (the mock's workflow is one for every
// project and type, so each type lists every status).
#include "actions/issue_actions.h"
#include "actions/jira_error.h"
#include "rest/resources.h"
#include "state/defaults.h"
#include "view/project_view.h"
#include "view/status_view.h"

namespace ih::mock {
namespace {

HttpResponse listProjects(const RestCall& call) {
  return renderJson(call, 200, [&](const JiraModel& model, const ViewContext& ctx) {
    json::JsonBuilder out;
    out.beginArray();
    for (const auto& project : model.projects) writeProjectRef(out, project, ctx);
    out.endArray();
    return out.str();
  });
}

HttpResponse getProject(const RestCall& call) {
  return renderJson(call, 200, [&](const JiraModel& model, const ViewContext& ctx) {
    json::JsonBuilder out;
    writeProjectFull(out, model, requireProject(model, call.param("idOrKey")), ctx);
    return out.str();
  });
}

HttpResponse projectVersions(const RestCall& call) {
  return renderJson(call, 200, [&](const JiraModel& model, const ViewContext& ctx) {
    const auto& project = requireProject(model, call.param("idOrKey"));
    json::JsonBuilder out;
    out.beginArray();
    for (const auto& version : project.versions) writeVersion(out, project, version, ctx);
    out.endArray();
    return out.str();
  });
}

HttpResponse projectComponents(const RestCall& call) {
  return renderJson(call, 200, [&](const JiraModel& model, const ViewContext& ctx) {
    json::JsonBuilder out;
    out.beginArray();
    for (const auto& component : requireProject(model, call.param("idOrKey")).components) {
      writeComponent(out, component, ctx);
    }
    out.endArray();
    return out.str();
  });
}

HttpResponse projectStatuses(const RestCall& call) {
  return renderJson(call, 200, [&](const JiraModel& model, const ViewContext& ctx) {
    requireProject(model, call.param("idOrKey"));
    json::JsonBuilder out;
    out.beginArray();
    for (const auto& type : issueTypes()) {
      out.beginObject()
          .field("self", ctx.baseUrl + "/rest/api/2/issuetype/" + type.id)
          .field("id", type.id)
          .field("name", type.name)
          .field("subtask", false)
          .key("statuses")
          .beginArray();
      for (const auto& status : model.statuses) writeStatus(out, status, ctx);
      out.endArray().endObject();
    }
    out.endArray();
    return out.str();
  });
}

}  // namespace

void registerProjectRoutes(RouteTable& routes) {
  routes.add("GET", "/rest/api/2/project", listProjects);
  routes.add("GET", "/rest/api/2/project/{idOrKey}", getProject);
  routes.add("GET", "/rest/api/2/project/{idOrKey}/versions", projectVersions);
  routes.add("GET", "/rest/api/2/project/{idOrKey}/components", projectComponents);
  routes.add("GET", "/rest/api/2/project/{idOrKey}/statuses", projectStatuses);
}

}  // namespace ih::mock
