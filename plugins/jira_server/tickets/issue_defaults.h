// tickets/issue_defaults.h - what the create form remembers per Jira project
// (issue type, priority, labels of the last ticket created there) and which
// project was used last. Kept in the org-link config under plugin-owned keys
// (config/config_keys.h) through Host::orgConfigMerge.
#pragma once

#include <string>
#include <string_view>

#include "ihp/sdk/json.hpp"

namespace ih::jira {

struct IssueDefaults {
  std::string issueType;
  std::string priority;
  std::string labels;  // as typed: "a, b"
};

// The project last created in; "" when none.
std::string lastIssueProject(const ihp::sdk::json::Value& config);
IssueDefaults issueDefaultsFor(const ihp::sdk::json::Value& config, std::string_view projectId);

// The config patch that stores `defaults` for `projectId` (keeping the other
// projects' entries: the host merges top-level keys) and marks it as last used.
std::string issueDefaultsPatch(const ihp::sdk::json::Value& config, std::string_view projectId,
                               const IssueDefaults& defaults);

}  // namespace ih::jira
