#include "sync/status_inbound.h"

#include <string>

#include "common/expected.h"
#include "common/keys.h"
#include "ihp/sdk/json.hpp"
#include "sync/status_job_payload.h"

namespace ih::jira {

namespace json = ihp::sdk::json;

namespace {

// Skips (returns false) a stale or duplicate event, an org whose own status
// change is still to be written to Jira, or an org without the ticket; an
// event without a known time has no ordering guard (like Sentry).
Expected<bool, ihp_status> isNewForOrg(const ihp::sdk::Host& host, int64_t organizationId, int64_t integrationId,
                                       const IssueEvent& event) {
  if (event.eventTimeMs == 0) return true;
  ihp_status status = host.watermarkAdvance(organizationId, integrationId, event.issueKey, IHP_WATERMARK_STATUS,
                                            event.eventTimeMs);
  if (status == IHP_OK) return true;
  if (status == IHP_E_CONFLICT || status == IHP_E_NOT_FOUND) {
    host.debug(std::string("status-sync-skipped: ") + ihp::sdk::statusName(status) + " org=" +
               std::to_string(organizationId) + " issue=" + event.issueKey);
    return false;
  }
  return fail(status);
}

ihp_status enqueueJob(const ihp::sdk::Host& host, int64_t organizationId, int64_t integrationId,
                      const IssueEvent& event) {
  StatusJobPayload payload{integrationId, organizationId, event.issueKey, event.status->from, event.status->to};
  ihp::sdk::Host::JobSpec job;
  job.kind = std::string(keys::kJobStatusInbound);
  job.payloadJson = payload.toJson();
  job.orderingKey = externalIssueOrderingKey(integrationId, event.issueKey);
  job.organizationId = organizationId;
  job.integrationId = integrationId;
  return host.enqueue(job);
}

}  // namespace

ihp_status enqueueStatusSyncs(const ihp::sdk::Host& host, int64_t integrationId, const IssueEvent& event) {
  if (!event.status) return IHP_OK;
  auto links = host.orgLinks(integrationId);
  if (!links) {
    host.error(std::string("status-sync-failed: org links unreadable: ") + ihp::sdk::statusName(links.status));
    return links.status;
  }
  json::Document doc;
  if (!json::parse(links.value, doc) || !doc.IsArray()) {
    host.error("status-sync-failed: org links are not a JSON array");
    return IHP_E_INTERNAL;
  }

  for (const auto& link : doc.GetArray()) {
    const int64_t organizationId = json::int64(link, "organizationId").value_or(0);
    const json::Value* config = json::member(link, "config");
    const bool enabled = json::boolean(link, "pluginEnabled").value_or(false);
    if (organizationId == 0 || !enabled || config == nullptr || !json::truthy(*config, keys::kSyncStatusReverse)) {
      continue;
    }
    auto isNew = isNewForOrg(host, organizationId, integrationId, event);
    if (!isNew) return isNew.error();
    if (!isNew.value()) continue;
    if (ihp_status status = enqueueJob(host, organizationId, integrationId, event); status != IHP_OK) {
      host.error(std::string("status-sync-failed: enqueue: ") + ihp::sdk::statusName(status));
      return status;
    }
  }
  return IHP_OK;
}

}  // namespace ih::jira
