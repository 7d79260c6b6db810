// Create metadata. Jira >= 8.4 serves paginated
// /issue/createmeta/{project}/issuetypes[/{id}] pages with `values`; the global
// /issue/createmeta exists only before 9.0 (from 9.0 the issue resource answers for it).
#include <algorithm>
#include <functional>

#include "actions/issue_actions.h"
#include "actions/jira_error.h"
#include "rest/resources.h"
#include "view/field_meta_view.h"
#include "view/project_view.h"
#include "view/status_view.h"

namespace ih::mock {
namespace {

std::string page(const RestCall& call, std::size_t total, const std::function<void(json::JsonBuilder&, std::size_t)>& writeItem) {
  const auto startAt = static_cast<std::size_t>(std::max(0, call.intQuery("startAt", 0)));
  const auto maxResults = static_cast<std::size_t>(std::clamp(call.intQuery("maxResults", 50), 1, 1000));
  const auto end = std::min(total, startAt + maxResults);
  json::JsonBuilder out;
  out.beginObject()
      .field("maxResults", static_cast<std::int64_t>(maxResults))
      .field("startAt", static_cast<std::int64_t>(startAt))
      .field("total", static_cast<std::int64_t>(total))
      .field("isLast", end >= total)
      .key("values").beginArray();
  for (auto i = startAt; i < end; ++i) writeItem(out, i);
  out.endArray().endObject();
  return out.str();
}

HttpResponse issueTypePage(const RestCall& call) {
  return renderJson(call, 200, [&](const JiraModel& model, const ViewContext& ctx) {
    requireProject(model, call.param("project"));
    const auto& types = issueTypes();
    return page(call, types.size(), [&](json::JsonBuilder& out, std::size_t i) { writeIssueType(out, types[i], ctx); });
  });
}

HttpResponse fieldPage(const RestCall& call) {
  return renderJson(call, 200, [&](const JiraModel& model, const ViewContext& ctx) {
    const auto& project = requireProject(model, call.param("project"));
    const auto* type = findIssueType(call.param("typeId"));
    if (type == nullptr || type->id != call.param("typeId")) {
      throw JiraError::message(404, "Issue type with id '" + call.param("typeId") + "' does not exist.");
    }
    const auto fields = createScreenFields(type->id);
    return page(call, fields.size(), [&](json::JsonBuilder& out, std::size_t i) { writeFieldMeta(out, project, *type, fields[i], ctx); });
  });
}

HttpResponse legacyCreateMeta(const RestCall& call) {
  const bool withFields = call.request.queryParam("expand").value_or("").find("fields") != std::string::npos;
  return renderJson(call, 200, [&](const JiraModel& model, const ViewContext& ctx) {
    json::JsonBuilder out;
    out.beginObject().field("expand", "projects").key("projects").beginArray();
    for (const auto& project : model.projects) {
      out.beginObject().field("self", ctx.api("project/" + project.id)).field("id", project.id)
          .field("key", project.key).field("name", project.name).key("issuetypes").beginArray();
      for (const auto& type : issueTypes()) {
        out.beginObject().field("id", type.id).field("name", type.name).field("subtask", false);
        if (withFields) {
          out.key("fields").beginObject();
          for (const auto& fieldId : createScreenFields(type.id)) {
            out.key(fieldId);
            writeFieldMeta(out, project, type, fieldId, ctx);
          }
          out.endObject();
        }
        out.endObject();
      }
      out.endArray().endObject();
    }
    out.endArray().endObject();
    return out.str();
  });
}

}  // namespace

void registerCreateMetaRoutes(RouteTable& routes) {
  routes.add("GET", "/rest/api/2/issue/createmeta", legacyCreateMeta, false, Availability::kBeforeVersion9);
  routes.add("GET", "/rest/api/2/issue/createmeta/{project}/issuetypes", issueTypePage);
  routes.add("GET", "/rest/api/2/issue/createmeta/{project}/issuetypes/{typeId}", fieldPage);
}

}  // namespace ih::mock
