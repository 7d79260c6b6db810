// sync/status_decision.h - what a Jira status change means for the host issue
// (Sentry's rule): resolve when the new status is in the "done" category and
// the old one is not, unresolve for the reverse, nothing otherwise. Only the
// status CATEGORY matters inbound; per-project status mappings are outbound.
#pragma once

#include <set>
#include <string>
#include <vector>

#include "client/jira_client.h"

namespace ih::jira {

enum class StatusDecision { Resolve, Unresolve, Nothing, Conflict };

// Ids of the statuses whose statusCategory.key is "done".
std::set<std::string> doneStatusIds(const std::vector<JiraStatus>& statuses);

StatusDecision decideStatusAction(const std::string& from, const std::string& to, const std::set<std::string>& done);

}  // namespace ih::jira
