#include "view/project_view.h"

#include "state/defaults.h"
#include "view/status_view.h"
#include "view/user_view.h"

namespace ih::mock {
namespace {

void writeProjectHead(json::JsonBuilder& out, const Project& project, const ViewContext& ctx) {
  const std::string avatar = ctx.baseUrl + "/secure/projectavatar?";
  out.field("self", ctx.api("project/" + project.id))
      .field("id", project.id)
      .field("key", project.key)
      .field("name", project.name)
      .key("avatarUrls").beginObject()
      .field("48x48", avatar + "avatarId=10324")
      .field("24x24", avatar + "size=small&avatarId=10324")
      .field("16x16", avatar + "size=xsmall&avatarId=10324")
      .field("32x32", avatar + "size=medium&avatarId=10324")
      .endObject()
      .field("projectTypeKey", "software");
}

}  // namespace

void writeProjectRef(json::JsonBuilder& out, const Project& project, const ViewContext& ctx) {
  out.beginObject();
  writeProjectHead(out, project, ctx);
  out.endObject();
}

void writeProjectFull(json::JsonBuilder& out, const JiraModel& model, const Project& project, const ViewContext& ctx) {
  out.beginObject().field("expand", "description,lead,url,projectKeys");
  writeProjectHead(out, project, ctx);
  out.field("description", project.description).key("lead");
  writeUserOrNull(out, model, project.lead.empty() ? std::nullopt : std::optional(project.lead), ctx);
  out.key("components").beginArray();
  for (const auto& c : project.components) writeComponent(out, c, ctx);
  out.endArray().key("issueTypes").beginArray();
  for (const auto& t : issueTypes()) writeIssueType(out, t, ctx);
  out.endArray().key("versions").beginArray();
  for (const auto& v : project.versions) writeVersion(out, project, v, ctx);
  out.endArray().field("archived", false).key("roles").beginObject().endObject().endObject();
}

void writeComponent(json::JsonBuilder& out, const Component& component, const ViewContext& ctx) {
  out.beginObject()
      .field("self", ctx.api("component/" + component.id))
      .field("id", component.id)
      .field("name", component.name)
      .endObject();
}

void writeVersion(json::JsonBuilder& out, const Project& project, const Version& version, const ViewContext& ctx) {
  out.beginObject()
      .field("self", ctx.api("version/" + version.id))
      .field("id", version.id)
      .field("name", version.name)
      .field("archived", version.archived)
      .field("released", version.released)
      .field("projectId", static_cast<std::int64_t>(std::atoll(project.id.c_str())))
      .endObject();
}

}  // namespace ih::mock
