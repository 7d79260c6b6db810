// Small reference objects: statuses (with their numeric statusCategory id), priorities
// and issue types.
#pragma once

#include "common/json_out.h"
#include "state/defaults.h"
#include "view/view_context.h"

namespace ih::mock {

void writeStatus(JsonOut& out, const Status& status, const ViewContext& ctx);
void writePriority(JsonOut& out, const Priority& priority, const ViewContext& ctx);
void writeIssueType(JsonOut& out, const IssueType& type, const ViewContext& ctx);
void writeOption(JsonOut& out, const CustomFieldOption& option, const ViewContext& ctx);

}  // namespace ih::mock
