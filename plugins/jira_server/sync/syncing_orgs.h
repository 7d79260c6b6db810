// sync/syncing_orgs.h - the organizations an inbound change of one kind
// applies to: those that link the integration, have the plugin enabled and
// have that kind's sync toggle on (sync_status_reverse, sync_reverse_assignment).
// Read from the host's org links; the status fan-out and the assignee
// watermark of a hidden-email event both need exactly this set.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "common/expected.h"
#include "ihp/sdk/host.hpp"

namespace ih::jira {

// The organization ids, or the host's failure (logged with `what`).
Expected<std::vector<int64_t>, ihp_status> orgsSyncing(const ihp::sdk::Host& host, int64_t integrationId,
                                                       std::string_view toggleKey, std::string_view what);

}  // namespace ih::jira
