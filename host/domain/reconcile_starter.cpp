#include "domain/reconcile_starter.h"

#include <Poco/Logger.h>

#include "common/errors.h"
#include "ihp/sdk/json.hpp"
#include "storage/external_issue_repository.h"
#include "storage/integration_repositories.h"
#include "storage/job_repository.h"

namespace ih::host::domain {

namespace {

Poco::Logger& reconcileLogger() { return Poco::Logger::get("ih.domain.reconcile"); }

}  // namespace

std::string ReconcileStarter::orderingKey(int64_t integrationId, int64_t organizationId) {
  return "reconcile:" + std::to_string(integrationId) + ":" + std::to_string(organizationId);
}

std::optional<int64_t> ReconcileStarter::enqueue(storage::UnitOfWork& uow, int64_t organizationId,
                                                 int64_t integrationId, const PeriodicTurn* turn, std::string& why) {
  const OrgIntegrationView view = integrations_.getForOrganization(uow, organizationId, integrationId);
  if (view.integration.status != storage::IntegrationStatus::Active ||
      view.link.status != storage::IntegrationStatus::Active) {
    why = "The integration is not active.";
    return std::nullopt;
  }
  if (!integrations_.pluginEnabled(uow, organizationId, view.integration.provider)) {
    why = "The integration's plugin is disabled for this organization.";
    return std::nullopt;
  }
  const auto tickets = storage::ExternalIssueRepository(uow).listLive(organizationId, integrationId);
  if (turn != nullptr) {
    // Nothing to compare: the periodic run would queue a job per interval for it.
    if (tickets.empty()) {
      why = "The integration links no ticket.";
      return std::nullopt;
    }
    if (!storage::OrgIntegrationRepository(uow).claimPeriodicReconcile(view.link.id, turn->now, turn->startedAfter)) {
      why = "Another host started it in this interval.";
      return std::nullopt;
    }
  }
  ihp::sdk::json::JsonBuilder payload;
  payload.beginObject().field("organizationId", organizationId).field("integrationId", integrationId);
  payload.key("tickets").beginArray();
  for (const auto& ticket : tickets) {
    payload.beginObject().field("key", ticket.key).field("externalIssueId", ticket.id).endObject();
  }
  payload.endArray().endObject();

  jobs::JobRequest request;
  request.pluginKey = view.integration.provider;
  request.kind = kJobKind;
  request.payloadJson = payload.str();
  request.orderingKey = orderingKey(integrationId, organizationId);
  request.organizationId = organizationId;
  request.integrationId = integrationId;
  const int64_t jobId = jobs_.enqueue(uow, request);
  // An owner's start is audited by the API route, which knows the actor; the
  // periodic start has none, so the log line is its record.
  reconcileLogger().information("reconcile started: integration " + std::to_string(integrationId) +
                                ", organization " + std::to_string(organizationId) + ", job " + std::to_string(jobId));
  return jobId;
}

int64_t ReconcileStarter::start(storage::UnitOfWork& uow, int64_t organizationId, int64_t integrationId) {
  std::string why;
  auto jobId = enqueue(uow, organizationId, integrationId, nullptr, why);
  if (!jobId) throw ValidationError("integration", why);
  return *jobId;
}

size_t ReconcileStarter::startAllDue(storage::UnitOfWork& uow, int64_t now, std::chrono::milliseconds interval) {
  size_t started = 0;
  // Nine tenths: a schedule's own next turn comes a little after a whole
  // interval, and must not find its previous start too recent.
  const PeriodicTurn turn{now, now - interval.count() * 9 / 10};
  for (const auto& link : storage::OrgIntegrationRepository(uow).listAll()) {
    if (storage::JobRepository(uow).hasUnfinished(orderingKey(link.integrationId, link.organizationId))) continue;
    std::string why;
    try {
      if (enqueue(uow, link.organizationId, link.integrationId, &turn, why)) ++started;
    } catch (const NotFoundError&) {
      // unlinked meanwhile
    }
  }
  return started;
}

}  // namespace ih::host::domain
