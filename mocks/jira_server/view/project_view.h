// Project, component and version objects as Jira Server renders them.
#pragma once

#include "common/json.h"
#include "view/view_context.h"

namespace ih::mock {

// The short form embedded in issues and listed by GET /project.
void writeProjectRef(json::JsonBuilder& out, const Project& project, const ViewContext& ctx);
// GET /project/{idOrKey}: adds description, lead, components, issue types, versions.
void writeProjectFull(json::JsonBuilder& out, const JiraModel& model, const Project& project, const ViewContext& ctx);
void writeComponent(json::JsonBuilder& out, const Component& component, const ViewContext& ctx);
void writeVersion(json::JsonBuilder& out, const Project& project, const Version& version, const ViewContext& ctx);

}  // namespace ih::mock
