// Project, component and version objects as Jira Server renders them.
#pragma once

#include "common/json_out.h"
#include "view/view_context.h"

namespace ih::mock {

// The short form embedded in issues and listed by GET /project.
void writeProjectRef(JsonOut& out, const Project& project, const ViewContext& ctx);
// GET /project/{idOrKey}: adds description, lead, components, issue types, versions.
void writeProjectFull(JsonOut& out, const JiraModel& model, const Project& project, const ViewContext& ctx);
void writeComponent(JsonOut& out, const Component& component, const ViewContext& ctx);
void writeVersion(JsonOut& out, const Project& project, const Version& version, const ViewContext& ctx);

}  // namespace ih::mock
