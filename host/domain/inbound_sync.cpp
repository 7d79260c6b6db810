// host/domain/inbound_sync.cpp - see inbound_sync.h (and the reference
// behaviour: Sentry's sync_group_assignee_inbound / sync_status_inbound).
#include "domain/inbound_sync.h"

#include <Poco/Logger.h>

#include <map>

#include "domain/outbound_events.h"
#include "domain/sync_log.h"
#include "ihp/plugin_abi.h"
#include "ihp/sdk/json.hpp"
#include "storage/integration_repositories.h"
#include "storage/external_issue_repository.h"
#include "storage/job_repository.h"
#include "storage/user_mapping_repository.h"

namespace ih::host::domain {

namespace json = ihp::sdk::json;
using storage::UnitOfWork;

namespace {

Poco::Logger& inboundLogger() { return Poco::Logger::get("ih.domain.inbound"); }

std::map<int64_t, std::vector<LinkedIssue>> byOrganization(std::vector<LinkedIssue> linked) {
  std::map<int64_t, std::vector<LinkedIssue>> groups;
  for (auto& issue : linked) groups[issue.organizationId].push_back(std::move(issue));
  return groups;
}

json::Document configOf(IntegrationService& integrations, UnitOfWork& uow, int64_t organizationId,
                        int64_t integrationId) {
  json::Document config;
  auto link = integrations.orgLink(uow, organizationId, integrationId);
  if (!link || !json::parseObject(link->configJson, config)) config.SetObject();
  return config;
}

ResolutionMode resolutionMode(const json::Document& config) {
  const std::string strategy = json::stringOr(config, "resolution_strategy", "resolve");
  if (strategy == "resolve_current_release") return ResolutionMode::CurrentRelease;
  if (strategy == "resolve_next_release") return ResolutionMode::NextRelease;
  return ResolutionMode::Plain;
}

// The outbound event that writes the host's change of this kind.
int32_t outboundEventFor(WatermarkKind kind) {
  return kind == WatermarkKind::Assignee ? IHP_EVENT_ISSUE_ASSIGNED : IHP_EVENT_ISSUE_STATUS_CHANGED;
}

bool hostChangePending(UnitOfWork& uow, int64_t organizationId, int64_t integrationId, std::string_view key,
                       WatermarkKind kind, std::optional<int64_t> callingJobId) {
  return storage::JobRepository(uow).hasUnfinishedEvent(externalIssueOrderingKey(integrationId, key), organizationId,
                                                        outboundEventFor(kind), callingJobId);
}

void logStaleForPendingChange(const char* what, int64_t integrationId, int64_t organizationId, const std::string& key) {
  inboundLogger().information(std::string("inbound ") + what + " skipped: the host's own change is still to be written" +
                              " (integration " + std::to_string(integrationId) + ", organization " +
                              std::to_string(organizationId) + ", key " + key + ")");
}

}  // namespace

InboundSync::InboundSync(DirectoryService& directory, IssueService& issues, IntegrationService& integrations)
    : directory_(directory), issues_(issues), integrations_(integrations) {}

namespace {

// "jdoe" for the sync log: the remote user's name, else its key.
std::string remoteUserLabel(const AssigneeSyncRequest& request) {
  if (request.remoteUser && !request.remoteUser->empty()) return *request.remoteUser;
  if (request.remoteUserKey && !request.remoteUserKey->empty()) return *request.remoteUserKey;
  return "the assignee";
}

std::string staleReason(UnitOfWork& uow, int64_t organizationId, const AssigneeSyncRequest& request) {
  auto external = storage::ExternalIssueRepository(uow).findByKey(organizationId, request.integrationId,
                                                                 request.externalKey);
  if (external && external->assigneeWatermark > request.eventTimeMs && request.eventTimeMs != 0) {
    return "older than the change of " + changeTime(external->assigneeWatermark);
  }
  return "the host's own assignment of this ticket is still to be written";
}

}  // namespace

std::optional<storage::User> InboundSync::assigneeFor(UnitOfWork& uow, int64_t organizationId,
                                                      const LinkedIssue& issue, const AssigneeSyncRequest& request,
                                                      bool& mapped, std::string& whyNot) {
  mapped = false;
  if (request.email) {
    // First eligible user (lowest id) on a team of the issue's project.
    auto users = directory_.usersByVerifiedEmail(uow, organizationId, *request.email, issue.projectId);
    if (!users.empty()) return std::move(users.front());
  }
  storage::UserMappingRepository mappings(uow);
  std::optional<storage::UserMappingRow> mapping;
  if (request.remoteUser) mapping = mappings.findRemote(organizationId, request.integrationId, *request.remoteUser);
  if (!mapping && request.remoteUserKey) {
    mapping = mappings.findRemote(organizationId, request.integrationId, *request.remoteUserKey);
  }
  // A mapping to someone who has left the organization assigns nobody.
  if (mapping && directory_.roleOf(uow, organizationId, mapping->userId)) {
    if (auto user = directory_.findUser(uow, mapping->userId)) {
      mapped = true;
      return user;
    }
  }
  const std::string who = remoteUserLabel(request);
  whyNot = request.email ? "no member on a team of the project has Jira's email for " + who +
                               " as a verified address, and no user mapping exists"
                         : "Jira's email for " + who + " is hidden and no user mapping exists";
  return std::nullopt;
}

AssigneeSyncResult InboundSync::syncAssignee(UnitOfWork& uow, const AssigneeSyncRequest& request) {
  AssigneeSyncResult result;
  // Watermark, read and change happen in one write transaction.
  uow.beginWrite();
  SyncLog syncLog(directory_.clock());
  SyncNote note{request.integrationId, request.externalKey, SyncDirection::Inbound, "assignee", SyncOutcome::Applied,
                ""};
  auto logFor = [&](int64_t organizationId, const LinkedIssue& issue, SyncOutcome outcome, std::string reason) {
    note.outcome = outcome;
    note.reason = std::move(reason);
    syncLog.write(uow, organizationId, issue.issueId, note);
  };
  const ChangeSource source = ChangeSource::integration(request.integrationId, request.provider);
  // Read under the lock orderEvent takes anyway: one statement, not two.
  // And the ticket's unfinished jobs, which orderEvent asks about next, in
  // the same read, after the locks (so it sees the jobs of a change the
  // locks waited for).
  const auto groups = byOrganization(
      integrations_.lockedLinkedIssues(uow, request.integrationId, request.externalKey,
                                       externalIssueOrderingKey(request.integrationId, request.externalKey)));
  for (const auto& [organizationId, linked] : groups) {
    if (!integrations_.pluginEnabled(uow, organizationId, request.provider)) continue;
    const auto config = configOf(integrations_, uow, organizationId, request.integrationId);
    if (!json::truthy(config, "sync_reverse_assignment")) continue;
    result.affected += static_cast<int>(linked.size());
    const auto eventTime = request.eventTimeMs != 0 ? std::optional<int64_t>(request.eventTimeMs) : std::nullopt;
    const InboundEventOrder order{organizationId,          request.integrationId, request.externalKey,
                                  WatermarkKind::Assignee, eventTime,             std::nullopt};
    if (orderEvent(uow, order) == WatermarkResult::Stale) {
      result.stale += static_cast<int>(linked.size());
      const std::string why = staleReason(uow, organizationId, request);
      for (const auto& issue : linked) logFor(organizationId, issue, SyncOutcome::Skipped, why);
      continue;
    }
    int notFound = 0;
    for (const auto& issue : linked) {
      if (!request.assign) {
        if (issues_.assign(uow, organizationId, issue.issueId, std::nullopt, source)) {
          ++result.unassigned;
          logFor(organizationId, issue, SyncOutcome::Applied, "unassigned in Jira");
        } else {
          ++result.unchanged;
          logFor(organizationId, issue, SyncOutcome::Skipped, "unassigned in Jira, as here already");
        }
        continue;
      }
      bool mapped = false;
      std::string whyNot;
      const auto assignee = assigneeFor(uow, organizationId, issue, request, mapped, whyNot);
      if (!assignee) {
        ++notFound;  // left as it is: never unassigned for want of a user
        logFor(organizationId, issue, SyncOutcome::Skipped, whyNot);
        continue;
      }
      if (mapped) ++result.mapped;
      const std::string how = mapped ? " (by user mapping)" : "";
      if (issues_.assignMember(uow, organizationId, issue.issueId, *assignee, source)) {
        ++result.assigned;
        logFor(organizationId, issue, SyncOutcome::Applied,
               "assigned to user " + std::to_string(assignee->id) + ", Jira user " + remoteUserLabel(request) + how);
      } else {
        ++result.unchanged;
        logFor(organizationId, issue, SyncOutcome::Skipped,
               "Jira user " + remoteUserLabel(request) + how + " is already the assignee");
      }
    }
    if (notFound > 0) {
      // Keys and ids only: the email stays out of the log.
      inboundLogger().warning("inbound assignment halt: assignee not found (integration " +
                       std::to_string(request.integrationId) + ", organization " + std::to_string(organizationId) +
                       ", key " + request.externalKey + ", " + std::to_string(notFound) + " issue(s))");
      result.userNotFound += notFound;
    }
  }
  return result;
}

StatusSyncResult InboundSync::syncStatus(UnitOfWork& uow, const StatusSyncRequest& request) {
  StatusSyncResult result;
  uow.beginWrite();
  // A plugin that is not enabled for the organization does nothing there.
  if (!integrations_.pluginEnabled(uow, request.organizationId, request.provider)) return result;
  // A change from outside the ticket's queue must not overtake one waiting in
  // it (a status whose category Jira still has to name, a retry, the host's
  // own change): the caller queues it behind them instead.
  const bool ticketQueueEmpty =
      request.unlessQueued &&
      !storage::JobRepository(uow).hasUnfinished(externalIssueOrderingKey(request.integrationId, request.externalKey),
                                                 request.callingJobId);
  if (request.unlessQueued && !ticketQueueEmpty) {
    result.queued = true;
    return result;
  }
  const ChangeSource source = ChangeSource::integration(request.integrationId, request.provider);
  const ResolutionMode mode =
      resolutionMode(configOf(integrations_, uow, request.organizationId, request.integrationId));
  const auto status =
      request.action == StatusAction::Resolve ? storage::IssueStatus::Resolved : storage::IssueStatus::Unresolved;
  // The status job runs after every earlier job of the ticket; a status
  // change enqueued since (the host's newer intent) wins over this one. That
  // change would be one of the ticket's jobs: with none queued, it is not
  // looked for again.
  const bool pending = !ticketQueueEmpty && hostChangePending(uow, request.organizationId, request.integrationId,
                                                              request.externalKey, WatermarkKind::Status, std::nullopt);
  // The event that queued this change moved the mark to its own time; a
  // mark past it is a newer status, applied already or on its way.
  const bool superseded = request.unlessSupersededAfterMs && [&] {
    const auto ticket = storage::ExternalIssueRepository(uow).findByKey(request.organizationId, request.integrationId,
                                                                        request.externalKey);
    return ticket && ticket->statusWatermark > *request.unlessSupersededAfterMs;
  }();
  for (const auto& issue : storage::ExternalIssueRepository(uow).issueLinks(request.integrationId, request.externalKey,
                                                                           request.organizationId)) {
    ++result.affected;
    if (pending || superseded) {
      ++result.stale;
    } else if (issues_.setStatus(uow, issue.organizationId, issue.issueId, status, source, mode)) {
      ++result.changed;
    }
  }
  if (pending && result.stale > 0) {
    logStaleForPendingChange("status", request.integrationId, request.organizationId, request.externalKey);
  }
  return result;
}

WatermarkResult InboundSync::orderEvent(UnitOfWork& uow, const InboundEventOrder& event) {
  // One write transaction for the check and the mark: on SQLite the writer
  // lock also keeps jobs from finishing in between. On PostgreSQL a user's
  // change to the ticket's issue may be committing beside this transaction,
  // its outbound job not yet visible: holding the issues' rows first makes
  // this wait for it and then see the job (or makes the user's change wait
  // and land after this one). Otherwise Jira's echo of an older write would
  // overwrite the user's newer assignment here while the job wrote it there.
  uow.beginWrite();
  storage::ExternalIssueRepository(uow).lockLinkedIssues(event.organizationId, event.integrationId, event.externalKey);
  if (hostChangePending(uow, event.organizationId, event.integrationId, event.externalKey, event.kind,
                        event.callingJobId)) {
    logStaleForPendingChange(event.kind == WatermarkKind::Assignee ? "assignee" : "status", event.integrationId,
                             event.organizationId, event.externalKey);
    return WatermarkResult::Stale;
  }
  if (!event.eventTimeMs) return WatermarkResult::Advanced;
  return integrations_.advanceWatermark(uow, event.organizationId, event.integrationId, event.externalKey, event.kind,
                                        *event.eventTimeMs);
}

}  // namespace ih::host::domain
