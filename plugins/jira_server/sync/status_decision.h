// sync/status_decision.h - what a Jira status means for the host issue: the
// ticket's status AT the event time decides (resolved when its category is
// "done", unresolved otherwise), never the changelog's from -> to. A
// transition compared against an older one cannot be ordered (a done -> done
// move would "do nothing" and let an older not-done -> done win); a state can.
// Only the status CATEGORY matters inbound; per-project status mappings are
// outbound.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "client/jira_client.h"

namespace ih::jira {

enum class StatusDecision { Resolve, Unresolve };

StatusDecision decideFromCategory(const std::string& categoryKey);

// The category key of status `id` in Jira's list; none when Jira lists no such status.
std::optional<std::string> categoryOf(const std::string& id, const std::vector<JiraStatus>& statuses);

}  // namespace ih::jira
