#include "sync/status_decision.h"

namespace ih::jira {

std::set<std::string> doneStatusIds(const std::vector<JiraStatus>& statuses) {
  std::set<std::string> done;
  for (const auto& status : statuses) {
    if (status.categoryKey == "done") done.insert(status.id);
  }
  return done;
}

StatusDecision decideStatusAction(const std::string& from, const std::string& to, const std::set<std::string>& done) {
  const bool fromDone = done.count(from) > 0;
  const bool toDone = done.count(to) > 0;
  const bool resolve = toDone && !fromDone;
  const bool unresolve = fromDone && !toDone;
  // Both cannot hold with a consistent done set; Sentry logs it as a conflict.
  if (resolve && unresolve) return StatusDecision::Conflict;
  if (resolve) return StatusDecision::Resolve;
  if (unresolve) return StatusDecision::Unresolve;
  return StatusDecision::Nothing;
}

}  // namespace ih::jira
