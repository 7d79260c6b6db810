// host/plugins/host_api_domain.cpp - ihp_host_api: linked issues, users,
// assignment, resolution, activities, inbound sync, watermarks, comment links
// gone and re-keyed external issues. Every change joins the hook's unit of work and
// carries the plugin's integration as its source (the sync loop guard).
#include "common/errors.h"
#include "domain/directory_service.h"
#include "domain/inbound_sync.h"
#include "domain/integration_service.h"
#include "domain/issue_service.h"
#include "ihp/sdk/json.hpp"
#include "plugins/host_api_guard.h"
#include "plugins/host_api_isolation.h"
#include "plugins/host_api_services.h"
#include "plugins/host_json.h"
#include "plugins/host_services.h"

namespace ih::host::plugins::api {

namespace {

domain::ChangeSource changeSource(ihp_host_ctx& ctx, int64_t sourceIntegrationId) {
  auto source = sourceIntegration(ctx, sourceIntegrationId);
  if (source) return domain::ChangeSource::integration(*source, ctx.plugin->key);
  return domain::ChangeSource{std::nullopt, std::nullopt, ctx.plugin->key};
}

ihp_status linkedIssuesFind(ihp_host_ctx* ctx, int64_t integrationId, ihp_str externalKey, const ihp_sink* issuesOut) {
  return guarded(ctx, "linked_issues_find", [&] {
    ihp_host_ctx& c = context(ctx);
    SinkWriter out(issuesOut, "issues_out");
    std::string_view key = requiredText(externalKey, "external_key");
    ownIntegration(c, integrationId);
    out.write(json_out::linkedIssues(c.services->integrations.linkedIssues(unitOfWork(c), integrationId, key)));
    return IHP_OK;
  });
}

ihp_status usersFindByEmail(ihp_host_ctx* ctx, int64_t organizationId, ihp_str email, int64_t projectId,
                            const ihp_sink* usersOut) {
  return guarded(ctx, "users_find_by_email", [&] {
    ihp_host_ctx& c = context(ctx);
    SinkWriter out(usersOut, "users_out");
    std::string_view address = requiredText(email, "email");
    requireOrganization(c, organizationId);
    out.write(json_out::users(c.services->directory.usersByVerifiedEmail(unitOfWork(c), organizationId, address,
                                                                        projectId)));
    return IHP_OK;
  });
}

ihp_status issueAssign(ihp_host_ctx* ctx, int64_t organizationId, int64_t issueId, int64_t userId,
                       int64_t sourceIntegrationId) {
  return guarded(ctx, "issue_assign", [&] {
    ihp_host_ctx& c = context(ctx);
    // Only 0 unassigns: a negative id is a plugin's failed lookup, not a wish
    // to clear the assignee.
    if (userId < 0) throw AbiViolation("user_id is negative");
    requireOrganization(c, organizationId);
    auto source = changeSource(c, sourceIntegrationId);
    std::optional<int64_t> assignee = userId > 0 ? std::optional<int64_t>(userId) : std::nullopt;
    bool changed = c.services->issues.assign(unitOfWork(c), organizationId, issueId, assignee, source);
    return changed ? IHP_OK : IHP_E_CONFLICT;
  });
}

ihp_status issueSetResolved(ihp_host_ctx* ctx, int64_t organizationId, int64_t issueId, int32_t resolved,
                            int64_t sourceIntegrationId) {
  return guarded(ctx, "issue_set_resolved", [&] {
    ihp_host_ctx& c = context(ctx);
    requireOrganization(c, organizationId);
    auto source = changeSource(c, sourceIntegrationId);
    auto status = resolved != 0 ? storage::IssueStatus::Resolved : storage::IssueStatus::Unresolved;
    c.services->issues.setStatus(unitOfWork(c), organizationId, issueId, status, source);
    return IHP_OK;
  });
}

ihp_status activityWrite(ihp_host_ctx* ctx, int64_t organizationId, int64_t issueId, ihp_str type, ihp_str dataJson) {
  return guarded(ctx, "activity_write", [&] {
    ihp_host_ctx& c = context(ctx);
    std::string kind(requiredText(type, "type"));
    std::string data(text(dataJson, "data_json"));
    if (data.empty()) data = "{}";
    ihp::sdk::json::Document doc;
    if (!ihp::sdk::json::parseObject(data, doc)) throw AbiViolation("data_json is not a JSON object");
    requireOrganization(c, organizationId);
    c.services->issues.writeActivity(unitOfWork(c), organizationId, issueId, kind, data, std::nullopt);
    return IHP_OK;
  });
}

ihp_status syncAssigneeInbound(ihp_host_ctx* ctx, const ihp_assignee_sync* rawSync, const ihp_sink* resultOut) {
  return guarded(ctx, "sync_assignee_inbound", [&] {
    ihp_host_ctx& c = context(ctx);
    const auto raw = structArgument(rawSync, "sync", IHP_ASSIGNEE_SYNC_SIZE_V1_0, &ihp_assignee_sync::remote_user,
                                    &ihp_assignee_sync::remote_user_key);
    SinkWriter out(resultOut, "result_out");
    domain::AssigneeSyncRequest request;
    request.integrationId = ownIntegration(c, raw.integration_id).id;
    request.provider = c.plugin->key;
    request.externalKey = std::string(requiredText(raw.external_key, "external_key"));
    request.assign = raw.assign != 0;
    request.eventTimeMs = raw.event_time_ms;
    // Since 1.3: the remote user, whose mapping decides when the email is
    // hidden or matches nobody (an older plugin's copy has them absent).
    if (raw.remote_user.ptr != nullptr) request.remoteUser = std::string(text(raw.remote_user, "remote_user"));
    if (raw.remote_user_key.ptr != nullptr) {
      request.remoteUserKey = std::string(text(raw.remote_user_key, "remote_user_key"));
    }
    // Assigning needs an email, or a remote user whose mapping can stand in.
    const bool remoteUserNamed = request.remoteUser || request.remoteUserKey;
    if (request.assign && (raw.email.ptr != nullptr || !remoteUserNamed)) {
      request.email = std::string(requiredText(raw.email, "email"));
    }
    out.write(json_out::assigneeSync(c.services->inboundSync.syncAssignee(unitOfWork(c), request)));
    return IHP_OK;
  });
}

ihp_status syncStatusInbound(ihp_host_ctx* ctx, const ihp_status_sync* rawSync, const ihp_sink* resultOut) {
  return guarded(ctx, "sync_status_inbound", [&] {
    ihp_host_ctx& c = context(ctx);
    const auto raw = structArgument(rawSync, "sync", IHP_STATUS_SYNC_SIZE_V1_0, &ihp_status_sync::flags,
                                    &ihp_status_sync::event_time_ms);
    SinkWriter out(resultOut, "result_out");
    if (raw.action != IHP_STATUS_ACTION_RESOLVE && raw.action != IHP_STATUS_ACTION_UNRESOLVE)
      throw AbiViolation("unknown status action");
    domain::StatusSyncRequest request;
    request.integrationId = raw.integration_id;
    request.provider = c.plugin->key;
    request.organizationId = raw.organization_id;
    request.externalKey = std::string(requiredText(raw.external_key, "external_key"));
    request.action = raw.action == IHP_STATUS_ACTION_RESOLVE ? domain::StatusAction::Resolve
                                                              : domain::StatusAction::Unresolve;
    // Since 1.4 (a smaller struct reads as zero).
    constexpr uint64_t kKnownFlags = IHP_STATUS_SYNC_UNLESS_QUEUED | IHP_STATUS_SYNC_UNLESS_SUPERSEDED;
    if ((raw.flags & ~kKnownFlags) != 0) throw AbiViolation("unknown status sync flag");
    request.unlessQueued = (raw.flags & IHP_STATUS_SYNC_UNLESS_QUEUED) != 0;
    // Since 1.6: a shorter struct reads event_time_ms as 0, which no event has.
    if ((raw.flags & IHP_STATUS_SYNC_UNLESS_SUPERSEDED) != 0) {
      if (raw.event_time_ms <= 0) throw AbiViolation("IHP_STATUS_SYNC_UNLESS_SUPERSEDED needs event_time_ms");
      request.unlessSupersededAfterMs = raw.event_time_ms;
    }
    if (c.jobId != 0) request.callingJobId = c.jobId;
    requireOrganizationLink(c, raw.organization_id, raw.integration_id);
    const auto result = c.services->inboundSync.syncStatus(unitOfWork(c), request);
    if (result.queued) return IHP_E_CONFLICT;
    out.write(json_out::statusSync(result));
    return IHP_OK;
  });
}

// IHP_E_CONFLICT also while the org still has the host's own change of that
// kind to write to the ticket (InboundSync::orderEvent): the plugin's status
// fan-out then enqueues nothing, like for an event older than the mark.
ihp_status watermarkAdvance(ihp_host_ctx* ctx, int64_t organizationId, int64_t integrationId, ihp_str externalKey,
                            int32_t kind, int64_t eventTimeMs) {
  return guarded(ctx, "watermark_advance", [&] {
    ihp_host_ctx& c = context(ctx);
    std::string_view key = requiredText(externalKey, "external_key");
    if (kind != IHP_WATERMARK_ASSIGNEE && kind != IHP_WATERMARK_STATUS) throw AbiViolation("unknown watermark kind");
    requireOrganizationLink(c, organizationId, integrationId);
    domain::InboundEventOrder order;
    order.organizationId = organizationId;
    order.integrationId = integrationId;
    order.externalKey = std::string(key);
    order.kind = kind == IHP_WATERMARK_ASSIGNEE ? domain::WatermarkKind::Assignee : domain::WatermarkKind::Status;
    order.eventTimeMs = eventTimeMs;
    // An outbound job advancing the mark after its own write is not "pending" to itself.
    if (c.jobId != 0) order.callingJobId = c.jobId;
    switch (c.services->inboundSync.orderEvent(unitOfWork(c), order)) {
      case domain::WatermarkResult::Advanced: return IHP_OK;
      case domain::WatermarkResult::Stale: return IHP_E_CONFLICT;
      case domain::WatermarkResult::NotLinked: return IHP_E_NOT_FOUND;
    }
    return IHP_E_INTERNAL;
  });
}

ihp_status commentLinkExternal(ihp_host_ctx* ctx, int64_t organizationId, int64_t commentId, int64_t externalIssueId,
                               ihp_str externalCommentId) {
  return guarded(ctx, "comment_link_external", [&] {
    ihp_host_ctx& c = context(ctx);
    std::string remoteId(requiredText(externalCommentId, "external_comment_id"));
    requireOwnExternalIssue(c, organizationId, externalIssueId);
    c.services->integrations.linkCommentExternal(unitOfWork(c), organizationId, commentId, externalIssueId, remoteId);
    return IHP_OK;
  });
}

ihp_status externalIssueMarkGone(ihp_host_ctx* ctx, int64_t organizationId, int64_t externalIssueId, ihp_str reason) {
  return guarded(ctx, "external_issue_mark_gone", [&] {
    ihp_host_ctx& c = context(ctx);
    std::string why(text(reason, "reason"));
    requireOwnExternalIssue(c, organizationId, externalIssueId);
    c.services->integrations.markExternalIssueGone(unitOfWork(c), organizationId, externalIssueId, why);
    return IHP_OK;
  });
}

ihp_status externalIssueRekey(ihp_host_ctx* ctx, int64_t integrationId, ihp_str oldKey, ihp_str newKey) {
  return guarded(ctx, "external_issue_rekey", [&] {
    ihp_host_ctx& c = context(ctx);
    std::string_view from = requiredText(oldKey, "old_key");
    std::string_view to = requiredText(newKey, "new_key");
    ownIntegration(c, integrationId);
    c.services->integrations.rekeyExternalIssues(unitOfWork(c), integrationId, from, to);
    return IHP_OK;
  });
}

}  // namespace

void installDomainServices(ihp_host_api& table) {
  table.linked_issues_find = &linkedIssuesFind;
  table.users_find_by_email = &usersFindByEmail;
  table.issue_assign = &issueAssign;
  table.issue_set_resolved = &issueSetResolved;
  table.activity_write = &activityWrite;
  table.sync_assignee_inbound = &syncAssigneeInbound;
  table.sync_status_inbound = &syncStatusInbound;
  table.watermark_advance = &watermarkAdvance;
  table.comment_link_external = &commentLinkExternal;
  table.external_issue_mark_gone = &externalIssueMarkGone;
  table.external_issue_rekey = &externalIssueRekey;
}

}  // namespace ih::host::plugins::api
