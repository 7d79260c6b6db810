// sync/issue_rekey.h - a Jira issue moved to another project changes its key
// (the changelog has a "Key" item: OLD-1 -> NEW-5). Re-keying the host's
// external issues BEFORE the assignee/status handlers lets the rest of the
// delivery, and every later one, match the new key. Sentry loses the link.
#pragma once

#include <cstdint>

#include "ihp/sdk/host.hpp"
#include "webhook/issue_event.h"

namespace ih::jira {

// IHP_OK when done or nothing to do (including a host without the service,
// which is logged); otherwise the host's failure, which fails the delivery.
ihp_status applyKeyChange(const ihp::sdk::Host& host, int64_t integrationId, const KeyChange& change);

}  // namespace ih::jira
