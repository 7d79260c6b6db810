// Project resources: the (unpaginated) project list, one project, and its versions and
// components.
#include "actions/issue_actions.h"
#include "actions/jira_error.h"
#include "rest/resources.h"
#include "view/project_view.h"

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

}  // namespace

void registerProjectRoutes(RouteTable& routes) {
  routes.add("GET", "/rest/api/2/project", listProjects);
  routes.add("GET", "/rest/api/2/project/{idOrKey}", getProject);
  routes.add("GET", "/rest/api/2/project/{idOrKey}/versions", projectVersions);
  routes.add("GET", "/rest/api/2/project/{idOrKey}/components", projectComponents);
}

}  // namespace ih::mock
