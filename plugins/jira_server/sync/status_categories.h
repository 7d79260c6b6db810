// sync/status_categories.h - Jira's status categories as every host sees them.
// The status list is kept in the integration's metadata ("status_categories":
// {"fetched_at_ms", "by_id"}), not in a per-process cache, because several
// hosts on one database run status jobs: with per-process copies, a status
// recategorised in Jira resolved an issue on one host and not on another
// (issue 11, finding 5). Whichever host finds the stored list older than
// 240 s, or missing the status, fetches Jira's list and stores it; every host
// then decides from that one copy.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "client/jira_client.h"

namespace ih::jira {

class SharedStatusCategories {
 public:
  static constexpr int64_t kFreshForMs = 240'000;

  explicit SharedStatusCategories(const JiraClient& client) : client_(client) {}

  // The category key of `statusId` ("new", "indeterminate", "done", ...);
  // nullopt when Jira's current list does not have it. Jira's refusals and
  // outages come back as ApiError.
  ApiResult<std::optional<std::string>> categoryOf(const std::string& statusId) const;

 private:
  // From the stored list when it is fresh and has the status.
  std::optional<std::string> storedCategory(const std::string& statusId) const;
  void store(const std::vector<JiraStatus>& statuses) const;

  const JiraClient& client_;
};

}  // namespace ih::jira
