// client/transition_api.h - an issue's workflow transitions: list them
// (cached 240 s per integration + issue, as Sentry does; a transition may lack
// `to`) and perform one (204).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "client/jira_client.h"

namespace ih::jira {

struct JiraTransition {
  std::string id;
  std::string name;
  std::optional<std::string> toStatusId;  // absent when Jira gave no `to`
};

class TransitionApi {
 public:
  explicit TransitionApi(const JiraClient& client) : client_(client) {}

  // GET /rest/api/2/issue/{key}/transitions; `cached` = serve from / store in the cache.
  ApiResult<std::vector<JiraTransition>> list(std::string_view key, bool cached) const;
  // POST /rest/api/2/issue/{key}/transitions {"transition":{"id":...}}.
  ApiResult<Done> perform(std::string_view key, std::string_view transitionId) const;

 private:
  const JiraClient& client_;
};

}  // namespace ih::jira
