// Jira Server's user object (name/key, no accountId), used by REST answers and webhook
// payloads alike so that email visibility is honoured everywhere.
#pragma once

#include <string>

#include "common/json.h"
#include "view/view_context.h"

namespace ih::mock {

void writeUser(json::JsonBuilder& out, const User& user, const ViewContext& ctx);
std::string userJson(const User& user, const ViewContext& ctx);
// A user slot that may be empty (assignee, reporter): writes null when unset or unknown.
void writeUserOrNull(json::JsonBuilder& out, const JiraModel& model, const std::optional<std::string>& name,
                     const ViewContext& ctx);

}  // namespace ih::mock
