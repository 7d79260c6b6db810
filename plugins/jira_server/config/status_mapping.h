// config/status_mapping.h - `sync_status_forward`: per Jira project, the
// status a ticket should move to when the host issue is resolved / unresolved
// ({"10000": {"on_resolve": "10001", "on_unresolve": "1"}}). Validated when
// saved (both statuses required), read leniently when syncing.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "common/expected.h"
#include "ihp/sdk/json.hpp"

namespace ih::jira {

struct StatusTargets {
  std::string onResolve;
  std::string onUnresolve;

  const std::string& forResolved(bool resolved) const { return resolved ? onResolve : onUnresolve; }
};

using StatusMapping = std::map<std::string, StatusTargets>;  // Jira project id -> targets

inline constexpr std::string_view kStatusesRequired = "Resolve and unresolve status are required.";

// A submitted mapping. Errors: the message for the `sync_status_forward` field.
Expected<StatusMapping, std::string> parseStatusMapping(const ihp::sdk::json::Value& submitted);

void writeStatusMapping(ihp::sdk::json::JsonBuilder& out, const StatusMapping& mapping);

// The targets a stored config has for one Jira project; nullopt when none.
std::optional<StatusTargets> statusTargetsFor(const ihp::sdk::json::Value& config, std::string_view projectId);

}  // namespace ih::jira
