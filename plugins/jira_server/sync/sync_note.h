// sync/sync_note.h - the plugin's lines in the host's per-issue sync log
// (ABI 1.3 sync_log_write): what the Jira side of a sync did and why, in
// words a member can act on ("no status mapping for project 10000"). Only
// keys, ids, Jira user names and statuses go in, never tokens or payloads.
// A line is advice, not a result: a host that cannot take it (older than
// 1.3, or the ticket is no longer linked) changes nothing about the sync.
#pragma once

#include <cstdint>
#include <string_view>

#include "ihp/sdk/host.hpp"
#include "sync/outbound_event.h"

namespace ih::jira {

// For an outbound event's ticket in the event's organization.
void noteOutbound(const ihp::sdk::Host& host, const OutboundEvent& event, int32_t outcome, std::string_view reason);

// For an inbound change of `issueKey` in every organization linking the integration.
void noteInbound(const ihp::sdk::Host& host, int64_t integrationId, std::string_view issueKey, std::string_view kind,
                 int32_t outcome, std::string_view reason);

// For an inbound change of `issueKey` in one organization only.
void noteInboundInOrg(const ihp::sdk::Host& host, int64_t organizationId, int64_t integrationId,
                      std::string_view issueKey, std::string_view kind, int32_t outcome, std::string_view reason);

// "assignee", "status" or "comment" for an outbound event type.
std::string_view outboundKind(int32_t eventType);

}  // namespace ih::jira
