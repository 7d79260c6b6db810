// sync/outbound_outcome.h - how every outbound call (a job from the host's
// durable queue) turns a failure into the job's status, so assignee, status,
// comment and link-comment jobs share ONE policy:
//   401           -> permanent, with the flow's "insufficient permissions" text
//   404           -> the ticket is gone: recorded on the external issue, done
//   429           -> retry, after Retry-After when Jira sent one
//   5xx, timeout, reset, unreachable -> retry (the host backs off with jitter)
//   anything else -> permanent, with the flow's failure text and Jira's status
// Retries are always new attempts: the client signs each one afresh.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "client/api_error.h"
#include "client/jira_connection.h"
#include "ihp/sdk/host.hpp"
#include "ihp/sdk/reply.hpp"

namespace ih::jira {

struct OutboundTarget {
  int64_t organizationId = 0;
  int64_t externalIssueId = 0;  // 0 = no host record to mark gone
  std::string issueKey;
};

struct FailureTexts {
  std::string_view unauthorized;  // reason for a 401
  std::string_view failed;        // reason prefix for other permanent failures
};

ihp_status outboundFailure(const ihp::sdk::Host& host, ihp::sdk::Reply& reply, const OutboundTarget& target,
                           const ApiError& error, const FailureTexts& texts);

// A permanent failure with `reason` (logged as a warning too).
ihp_status giveUp(const ihp::sdk::Host& host, ihp::sdk::Reply& reply, std::string_view reason);

// The org's Jira connection for a job, or nullopt with the job's status in
// `status` (a missing record is permanent, a host hiccup is retried).
std::optional<JiraConnection> connectionForJob(const ihp::sdk::Host& host, int64_t integrationId,
                                               int64_t organizationId, ihp::sdk::Reply& reply, ihp_status& status);

}  // namespace ih::jira
