#include "sync/status_decision.h"

namespace ih::jira {

StatusDecision decideFromCategory(const std::string& categoryKey) {
  return categoryKey == "done" ? StatusDecision::Resolve : StatusDecision::Unresolve;
}

std::optional<std::string> categoryOf(const std::string& id, const std::vector<JiraStatus>& statuses) {
  for (const auto& status : statuses) {
    if (status.id == id) return status.categoryKey;
  }
  return std::nullopt;
}

}  // namespace ih::jira
