// Small reference objects: statuses (with their numeric statusCategory id), priorities
// and issue types.
#pragma once

#include "common/json.h"
#include "state/defaults.h"
#include "view/view_context.h"

namespace ih::mock {

void writeStatus(json::JsonBuilder& out, const Status& status, const ViewContext& ctx);
void writePriority(json::JsonBuilder& out, const Priority& priority, const ViewContext& ctx);
void writeIssueType(json::JsonBuilder& out, const IssueType& type, const ViewContext& ctx);
void writeOption(json::JsonBuilder& out, const CustomFieldOption& option, const ViewContext& ctx);

}  // namespace ih::mock
