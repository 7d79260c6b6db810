// sync/status_job_payload.h - the durable "status_inbound" job's payload: one
// organization, one Jira issue, its status at the event time, and that time. Written by the webhook's
// fan-out, read back by run_job (possibly after a restart), so both sides use
// this one definition.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace ih::jira {

struct StatusJobPayload {
  int64_t integrationId = 0;
  int64_t organizationId = 0;
  std::string issueKey;
  std::string statusId;
  std::string categoryKey;  // empty: look it up in Jira's status list
  // Jira's time of the change (the ticket's `updated` in the event); 0 =
  // unknown, as in jobs queued before it was kept. Lets the job refuse to
  // replace a newer status when it runs late (IHP_STATUS_SYNC_UNLESS_SUPERSEDED).
  int64_t eventTimeMs = 0;

  std::string toJson() const;
  static std::optional<StatusJobPayload> fromJson(std::string_view json);
};

// Jobs of one external issue run one at a time, in order (the host's rule for
// a shared ordering key), the same key the host's outbound events use.
std::string externalIssueOrderingKey(int64_t integrationId, std::string_view issueKey);

}  // namespace ih::jira
