// What the sync did, for people asking "why did this not sync?":
// GET /api/0/organizations/{org}/issues/{id}/sync-log/ (members), newest
// first, at most the issue's last 200 entries (SyncLogRepository's bound);
// GET /api/0/organizations/{org}/audit-log/ (owners), newest first, at most
// 100 per page (?cursor=<id> for older ones).
#include "api/api_router.h"
#include "api/issue_lookup.h"
#include "api/json_input.h"
#include "api/json_response.h"
#include "api/route_groups.h"
#include "api/serializers.h"
#include "common/errors.h"
#include "domain/audit_log.h"
#include "domain/directory_service.h"
#include "domain/sync_log.h"

namespace ih::host::api {

namespace {

constexpr size_t kAuditPageSize = 100;

void writeSyncLogEntry(JsonBuilder& b, const storage::SyncLogRow& row) {
  b.beginObject()
      .field("id", idString(row.id))
      .field("dateCreated", isoTimestamp(row.createdAt))
      .field("direction", row.direction)
      .field("kind", row.kind)
      .field("externalIssue", row.externalKey)
      .field("outcome", row.outcome)
      .field("detail", row.detail)
      .endObject();
}

http::Response listSyncLog(ApiCall& call) {
  const storage::Issue issue = requireIssue(call);
  const auto rows = domain::SyncLog(call.services.directory.clock())
                        .list(call.uow, call.org().id, issue.id, storage::SyncLogRepository::kKeepPerIssue);
  return jsonListResponse(200, rows, writeSyncLogEntry);
}

void writeAuditEntry(JsonBuilder& b, const storage::AuditRow& row) {
  b.beginObject().field("id", idString(row.id)).field("dateCreated", isoTimestamp(row.createdAt));
  b.key("actor").beginObject().field("type", row.actorType);
  if (row.actorUserId) {
    b.field("id", idString(*row.actorUserId));
  } else {
    b.nullField("id");
  }
  if (row.actorEmail) {
    b.field("email", *row.actorEmail);
  } else {
    b.nullField("email");
  }
  b.endObject().field("event", row.event).field("targetType", row.targetType);
  if (row.targetId) {
    b.field("targetId", *row.targetId);
  } else {
    b.nullField("targetId");
  }
  b.rawField("data", row.dataJson).endObject();
}

http::Response listAuditLog(ApiCall& call) {
  const auto rows = domain::AuditLog(call.services.directory)
                        .list(call.uow, call.org().id, kAuditPageSize, cursorParam(call.request));
  return jsonListResponse(200, rows, writeAuditEntry);
}

}  // namespace

void registerSyncLogRoutes(ApiRouter& api) {
  api.add("GET", "/api/0/organizations/{org}/issues/{id}/sync-log/", Access::OrgMember, listSyncLog);
  api.add("GET", "/api/0/organizations/{org}/audit-log/", Access::OrgOwner, listAuditLog);
}

}  // namespace ih::host::api
