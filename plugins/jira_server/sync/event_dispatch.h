// sync/event_dispatch.h - the handle_event hook: one outbound event for one
// linked Jira ticket, delivered from the host's durable queue (ordered per
// ticket). Re-checks the toggle in the event's config snapshot (off -> done),
// loads the org's connection (OAuth 1.0a or PAT) and hands over to the flow.
// The returned status is the job's fate: IHP_OK done, IHP_E_RETRY backoff
// (or reply.retryAfterMs), anything else dead-letter with reply.error.
#pragma once

#include "client/response_cache.h"
#include "ihp/sdk/host.hpp"
#include "ihp/sdk/reply.hpp"

namespace ih::jira {

ihp_status handleOutboundEvent(const ihp::sdk::Host& host, const ihp_event& event, ihp::sdk::Reply& reply,
                               ResponseCache& cache);

}  // namespace ih::jira
