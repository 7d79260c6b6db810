// host/plugins/host_api_sync_log.cpp - ihp_host_api.sync_log_write: a plugin
// says what it did with a change of a linked ticket and why, and the line
// goes to the sync log of every issue linked to it (domain/sync_log.h).
// Members read these lines, so the host checks their shape: a known
// direction, outcome and kind, and a reason of bounded length.
#include <array>

#include "domain/sync_log.h"
#include "plugins/host_api_guard.h"
#include "plugins/host_api_isolation.h"
#include "plugins/host_api_services.h"
#include "plugins/host_services.h"

namespace ih::host::plugins::api {

namespace {

// A reason is a sentence, not a payload: longer text is refused, not cut.
constexpr size_t kMaxSyncReasonBytes = 1000;

domain::SyncOutcome syncOutcome(int32_t outcome) {
  switch (outcome) {
    case IHP_SYNC_APPLIED: return domain::SyncOutcome::Applied;
    case IHP_SYNC_SKIPPED: return domain::SyncOutcome::Skipped;
    case IHP_SYNC_PENDING: return domain::SyncOutcome::Pending;
    case IHP_SYNC_FAILED: return domain::SyncOutcome::Failed;
    default: throw AbiViolation("unknown sync outcome");
  }
}

std::string syncKind(std::string_view kind) {
  static constexpr std::array<std::string_view, 5> kKnownKinds = {"assignee", "status", "comment", "link",
                                                                  "reconcile"};
  for (std::string_view known : kKnownKinds) {
    if (kind == known) return std::string(kind);
  }
  throw AbiViolation("unknown sync log kind");
}

ihp_status syncLogWrite(ihp_host_ctx* ctx, const ihp_sync_log_entry* rawEntry) {
  return guarded(ctx, "sync_log_write", [&] {
    ihp_host_ctx& c = context(ctx);
    const auto raw = structArgument(rawEntry, "entry", IHP_SYNC_LOG_ENTRY_SIZE_V1_3);
    if (raw.direction != IHP_SYNC_INBOUND && raw.direction != IHP_SYNC_OUTBOUND)
      throw AbiViolation("unknown sync direction");
    domain::SyncNote note;
    note.integrationId = ownIntegration(c, raw.integration_id).id;
    note.externalKey = std::string(requiredText(raw.external_key, "external_key"));
    note.direction = raw.direction == IHP_SYNC_INBOUND ? domain::SyncDirection::Inbound
                                                       : domain::SyncDirection::Outbound;
    note.outcome = syncOutcome(raw.outcome);
    note.kind = syncKind(requiredText(raw.kind, "kind"));
    note.reason = std::string(requiredText(raw.detail, "detail"));
    if (note.reason.size() > kMaxSyncReasonBytes) throw AbiViolation("detail is longer than 1000 bytes");
    domain::SyncLog log(c.services->clock);
    size_t written = 0;
    if (raw.organization_id != 0) {
      requireOrganizationLink(c, raw.organization_id, raw.integration_id);
      written = log.writeForTicket(unitOfWork(c), raw.organization_id, note);
    } else {
      // Every organization linking the ticket, except those that have not
      // enabled the plugin: it does nothing there, not even write lines.
      for (const domain::OrgLinkInfo& link : c.services->integrations.orgLinks(unitOfWork(c), note.integrationId)) {
        if (link.pluginEnabled) written += log.writeForTicket(unitOfWork(c), link.organizationId, note);
      }
    }
    return written > 0 ? IHP_OK : IHP_E_NOT_FOUND;
  });
}

}  // namespace

void installSyncLogServices(ihp_host_api& table) { table.sync_log_write = &syncLogWrite; }

}  // namespace ih::host::plugins::api
