// Create-screen field metadata (createmeta): schema, required flag, allowed values and
// autocomplete URLs for each field an issue type's create screen offers.
#pragma once

#include <string>
#include <vector>

#include "common/json.h"
#include "state/defaults.h"
#include "view/view_context.h"

namespace ih::mock {

// Field ids on the create screen of that issue type, in screen order.
std::vector<std::string> createScreenFields(const std::string& issueTypeId);
void writeFieldMeta(json::JsonBuilder& out, const Project& project, const IssueType& type, const std::string& fieldId,
                    const ViewContext& ctx);

}  // namespace ih::mock
