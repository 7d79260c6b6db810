#include "sync/status_job.h"

#include <string>

#include "client/jira_client.h"
#include "sync/status_apply.h"
#include "sync/status_categories.h"
#include "sync/status_job_payload.h"
#include "sync/sync_note.h"

namespace ih::jira {

namespace {

ihp_status giveUpStatusJob(const ihp::sdk::Host& host, ihp::sdk::Reply& reply, const std::string& reason) {
  host.warn("status-job-failed: " + reason);
  reply.error(reason);
  return IHP_E_PERMANENT;
}

ihp_status retryStatusJobLater(const ihp::sdk::Host& host, ihp::sdk::Reply& reply, const ApiError& error) {
  host.info("status-job-retry: Jira status " + std::to_string(error.status()));
  if (auto delay = error.retryAfterMs()) reply.retryAfterMs(*delay);
  reply.error("Jira is unavailable (" + std::to_string(error.status()) + ")");
  return IHP_E_RETRY;
}

}  // namespace

ihp_status runStatusJob(const ihp::sdk::Host& host, const ihp_job& job, ihp::sdk::Reply& reply,
                        ResponseCache& cache) {
  auto payload = StatusJobPayload::fromJson(ihp::sdk::view(job.payload_json));
  if (!payload) return giveUpStatusJob(host, reply, "malformed status_inbound payload");

  // Only a status whose category the webhook did not carry needs Jira (and
  // so the org's credentials, which cost a read and an unseal per job).
  std::string category = payload->categoryKey;
  if (category.empty()) {
    ConnectionLoadError loadError;
    auto connection = loadConnection(host, payload->integrationId, payload->organizationId, loadError);
    if (!connection) {
      if (loadError.permanent()) return giveUpStatusJob(host, reply, loadError.reason);
      reply.error(loadError.reason);
      return IHP_E_RETRY;
    }
    JiraClient client(host, std::move(*connection), &cache);
    auto known = SharedStatusCategories(client).categoryOf(payload->statusId);
    if (!known) {
      if (known.error().isTransient()) return retryStatusJobLater(host, reply, known.error());
      return giveUpStatusJob(host, reply,
                    "Jira refused the status list (HTTP " + std::to_string(known.error().status()) + ")");
    }
    if (!known.value()) {
      noteInboundInOrg(host, payload->organizationId, payload->integrationId, payload->issueKey, "status",
                       IHP_SYNC_FAILED, "failed: Jira lists no status " + payload->statusId);
      return giveUpStatusJob(host, reply, "Jira lists no status " + payload->statusId);
    }
    category = *known.value();
  }

  const ihp_status applied = applyStatusChange(host, *payload, category, StatusApplyGuard::UnlessSuperseded);
  if (applied == IHP_OK || applied == IHP_E_NOT_FOUND) return IHP_OK;  // NOT_FOUND: the link went away meanwhile
  // A storage failure or the call's deadline (the writer busy past it) is the
  // host's hiccup, not the change's fault. Given up, the change would be lost
  // for good: its delivery already moved the ticket's mark, so neither a
  // redelivery nor a reconcile would bring it back. The queue bounds the
  // attempts, as for a reconcile.
  if (applied == IHP_E_RETRY || applied == IHP_E_INTERNAL || applied == IHP_E_TIMEOUT) {
    reply.error(std::string("the host could not apply the status now (") + ihp::sdk::statusName(applied) + ")");
    return IHP_E_RETRY;
  }
  return giveUpStatusJob(host, reply, std::string("status sync failed: ") + ihp::sdk::statusName(applied));
}

}  // namespace ih::jira
