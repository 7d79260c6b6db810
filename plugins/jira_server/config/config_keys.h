// config/config_keys.h - the org-link config keys of part 2: the settings a
// user may change through config_update (the contract's list), and the keys
// the plugin keeps there itself through Host::orgConfigMerge (form defaults),
// which config_update never touches and config_view never shows.
#pragma once

#include <array>
#include <string_view>

#include "common/keys.h"

namespace ih::jira::keys {

// --- user settings (config_update); the two reverse toggles are in common/keys.h
inline constexpr std::string_view kSyncForwardAssignment = "sync_forward_assignment";
// {jiraProjectId: {"on_resolve": statusId, "on_unresolve": statusId}}
inline constexpr std::string_view kSyncStatusForward = "sync_status_forward";
inline constexpr std::string_view kSyncComments = "sync_comments";
inline constexpr std::string_view kResolutionStrategy = "resolution_strategy";
inline constexpr std::string_view kIssuesIgnoredFields = "issues_ignored_fields";  // stored as a list of field ids
inline constexpr std::string_view kOnResolve = "on_resolve";
inline constexpr std::string_view kOnUnresolve = "on_unresolve";

inline constexpr std::array<std::string_view, 4> kBooleanSettings = {kSyncReverseAssignment, kSyncForwardAssignment,
                                                                     kSyncStatusReverse, kSyncComments};
inline constexpr std::array<std::string_view, 3> kResolutionStrategies = {"resolve", "resolve_current_release",
                                                                          "resolve_next_release"};

// --- plugin-kept state (Host::orgConfigMerge), hidden from the API
// {jiraProjectId: {"issuetype", "priority", "labels"}}: the create form's defaults
inline constexpr std::string_view kProjectIssueDefaults = "project_issue_defaults";
// the Jira project id a ticket was last created in
inline constexpr std::string_view kLastIssueProject = "project_issue_last";

inline constexpr std::array<std::string_view, 2> kInternalConfigKeys = {kProjectIssueDefaults, kLastIssueProject};

}  // namespace ih::jira::keys
