// host/domain/sync_log.cpp - see sync_log.h.
#include "domain/sync_log.h"

#include "ihp/plugin_abi.h"
#include "ihp/sdk/json.hpp"
#include "ihp/sdk/timestamp.hpp"
#include "storage/external_issue_repository.h"

namespace ih::host::domain {

const char* syncDirectionName(SyncDirection direction) {
  return direction == SyncDirection::Inbound ? "inbound" : "outbound";
}

const char* syncOutcomeName(SyncOutcome outcome) {
  switch (outcome) {
    case SyncOutcome::Applied: return "applied";
    case SyncOutcome::Skipped: return "skipped";
    case SyncOutcome::Pending: return "pending";
    case SyncOutcome::Failed: return "failed";
  }
  return "failed";
}

std::string changeTime(int64_t epochMs) {
  // 2024-06-10T10:02:11.123Z -> 10:02:11 UTC on 2024-06-10
  const std::string iso = ihp::sdk::timestamp::formatMs(epochMs, ihp::sdk::timestamp::UtcSuffix::Z);
  return iso.substr(11, 8) + " UTC on " + iso.substr(0, 10);
}

void SyncLog::write(storage::UnitOfWork& uow, int64_t organizationId, int64_t issueId, const SyncNote& note) {
  storage::SyncLogRow row;
  row.organizationId = organizationId;
  row.issueId = issueId;
  if (note.integrationId != 0) row.integrationId = note.integrationId;
  row.externalKey = note.externalKey;
  row.direction = syncDirectionName(note.direction);
  row.kind = note.kind;
  row.outcome = syncOutcomeName(note.outcome);
  row.detail = row.outcome + ": " + note.reason;
  row.createdAt = clock_.nowMs();
  storage::SyncLogRepository(uow).insert(row);
}

size_t SyncLog::writeForTicket(storage::UnitOfWork& uow, std::optional<int64_t> organizationId, const SyncNote& note) {
  size_t written = 0;
  for (const auto& linked :
       storage::ExternalIssueRepository(uow).issueLinks(note.integrationId, note.externalKey, organizationId)) {
    write(uow, linked.organizationId, linked.issueId, note);
    ++written;
  }
  return written;
}

std::vector<storage::SyncLogRow> SyncLog::list(storage::UnitOfWork& uow, int64_t organizationId, int64_t issueId,
                                               size_t limit, int64_t beforeId) {
  return storage::SyncLogRepository(uow).listForIssue(organizationId, issueId, limit, beforeId);
}

namespace {

const char* eventKind(int64_t eventType) {
  switch (eventType) {
    case IHP_EVENT_ISSUE_ASSIGNED: return "assignee";
    case IHP_EVENT_ISSUE_STATUS_CHANGED: return "status";
    case IHP_EVENT_COMMENT_CREATED:
    case IHP_EVENT_COMMENT_UPDATED: return "comment";
    default: return nullptr;
  }
}

}  // namespace

void SyncLog::jobDeadLettered(storage::UnitOfWork& uow, const storage::Job& job, const std::string& reason) {
  namespace json = ihp::sdk::json;
  if (job.kind != "ihp.event" || !job.organizationId) return;
  json::Document payload;
  if (!json::parseObject(job.payloadJson, payload)) return;
  const json::Value* event = json::member(payload, "event");
  const char* kind = eventKind(json::int64(payload, "type").value_or(0));
  if (event == nullptr || kind == nullptr) return;
  const json::Value* issue = json::member(*event, "issue");
  const json::Value* external = json::member(*event, "externalIssue");
  if (issue == nullptr || external == nullptr) return;
  SyncNote note;
  note.integrationId = json::int64(*event, "integrationId").value_or(0);
  note.externalKey = json::stringOr(*external, "key");
  note.direction = SyncDirection::Outbound;
  note.kind = kind;
  note.outcome = SyncOutcome::Failed;
  note.reason = reason + "; retry or discard it on the sync health page (job " + std::to_string(job.id) + ")";
  write(uow, *job.organizationId, json::int64(*issue, "id").value_or(0), note);
}

}  // namespace ih::host::domain
