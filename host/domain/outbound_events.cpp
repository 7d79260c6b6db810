// host/domain/outbound_events.cpp - see outbound_events.h.
//
// One job per eligible external issue. The event JSON carries everything the
// plugin needs to act without calling back (issue, external key, the org
// link's config, the assignee's verified emails), because the job may run
// long after the change and the plugin must not see a newer state than the
// one it is syncing.
#include "domain/outbound_events.h"

#include <functional>

#include "ihp/plugin_abi.h"
#include "ihp/sdk/json.hpp"
#include "storage/external_issue_repository.h"
#include "storage/user_mapping_repository.h"

namespace ih::host::domain {

namespace json = ihp::sdk::json;

namespace {

// An external issue that gets the event, with what the event carries of
// its integration and org link.
struct SyncTarget {
  storage::LinkedExternalIssue externalIssue;
  std::string provider;
  std::string configJson;
};

// The org link's toggle for one kind of event.
enum class Direction { Assignment, Status, Comments };

const char* toggleFor(Direction direction) {
  switch (direction) {
    case Direction::Assignment:
      return "sync_forward_assignment";
    case Direction::Status:
      return "sync_status_forward";
    case Direction::Comments:
      return "sync_comments";
  }
  return "";
}

// The cheap facts first: an inbound change's own ticket (the loop guard) is
// most of what a change finds, and needs no lookup.
std::optional<SyncTarget> eligibleTarget(storage::UnitOfWork& uow, IntegrationService& integrations,
                                         storage::LinkedExternalIssue external, const ChangeSource& source,
                                         Direction direction) {
  if (external.goneReason) return std::nullopt;
  if (source.integrationId && *source.integrationId == external.integrationId) return std::nullopt;
  const auto integration = integrations.integrationById(uow, external.integrationId);
  if (!integration || integration->status != storage::IntegrationStatus::Active) return std::nullopt;
  const auto link = integrations.orgLink(uow, external.organizationId, external.integrationId);
  if (!link || link->status != storage::IntegrationStatus::Active) return std::nullopt;
  if (!integrations.pluginEnabled(uow, external.organizationId, integration->provider)) return std::nullopt;
  json::Document config;
  if (!json::parseObject(link->configJson, config) || !json::truthy(config, toggleFor(direction))) return std::nullopt;
  return SyncTarget{std::move(external), integration->provider, link->configJson};
}

void writeUser(json::JsonBuilder& out, const storage::User& user, bool withEmails,
               const std::optional<std::string>& remoteUser = std::nullopt) {
  out.beginObject().field("id", user.id).field("name", user.name);
  if (withEmails) {
    out.field("email", user.email).key("verifiedEmails").beginArray();
    for (const auto& email : user.emails) {
      if (email.verified) out.value(email.email);
    }
    out.endArray();
  }
  if (remoteUser) out.field("remoteUser", *remoteUser);
  out.endObject();
}

// The members every event shares, then `body` adds the type's own.
std::string eventJson(const storage::Issue& issue, const SyncTarget& target,
                      const std::function<void(json::JsonBuilder&)>& body) {
  json::JsonBuilder out;
  out.beginObject()
      .field("organizationId", issue.organizationId)
      .field("integrationId", target.externalIssue.integrationId)
      .rawField("config", target.configJson);  // an object: eligibleTarget() parsed it
  out.key("issue")
      .beginObject()
      .field("id", issue.id)
      .field("shortId", issue.shortId)
      .field("title", issue.title)
      .field("status", storage::toString(issue.status))
      .field("projectId", issue.projectId)
      .endObject();
  out.key("externalIssue")
      .beginObject()
      .field("id", target.externalIssue.id)
      .field("key", target.externalIssue.key)
      .endObject();
  body(out);
  out.endObject();
  return out.str();
}

void enqueueFor(storage::UnitOfWork& uow, jobs::JobQueue& queue, IntegrationService& integrations,
                const storage::Issue& issue, const ChangeSource& source, Direction direction, int32_t eventType,
                const std::function<void(json::JsonBuilder&, const SyncTarget&)>& body) {
  for (auto& external : storage::ExternalIssueRepository(uow).linkedTo(issue.organizationId, issue.id)) {
    const auto eligible = eligibleTarget(uow, integrations, std::move(external), source, direction);
    if (!eligible) continue;
    const SyncTarget& target = *eligible;
    const std::string event = eventJson(issue, target, [&](json::JsonBuilder& out) { body(out, target); });
    json::JsonBuilder payload;
    payload.beginObject().field("type", static_cast<int64_t>(eventType)).rawField("event", event).endObject();
    jobs::JobRequest request;
    request.pluginKey = target.provider;
    request.kind = "ihp.event";
    request.payloadJson = payload.str();
    request.orderingKey = externalIssueOrderingKey(target.externalIssue.integrationId, target.externalIssue.key);
    request.eventType = eventType;
    request.organizationId = issue.organizationId;
    request.integrationId = target.externalIssue.integrationId;
    queue.enqueue(uow, request);
  }
}

}  // namespace

std::string eventJsonForRun(storage::UnitOfWork& uow, int32_t eventType, std::string eventJson) {
  if (eventType != IHP_EVENT_COMMENT_UPDATED) return eventJson;
  json::Document event;
  if (!json::parseObject(eventJson, event)) return eventJson;
  json::Value* comment = event.HasMember("comment") ? &event["comment"] : nullptr;
  const json::Value* external = json::member(event, "externalIssue");
  if (comment == nullptr || !comment->IsObject() || external == nullptr) return eventJson;
  const auto commentId = json::int64(*comment, "id");
  const auto externalIssueId = json::int64(*external, "id");
  if (!commentId || !externalIssueId) return eventJson;
  const auto remoteId = storage::ExternalIssueRepository(uow).externalCommentId(*commentId, *externalIssueId);
  if (!remoteId) return eventJson;
  comment->RemoveMember("externalCommentId");
  comment->AddMember("externalCommentId", json::Value(remoteId->c_str(), event.GetAllocator()), event.GetAllocator());
  return json::stringify(event);
}

std::string externalIssueOrderingKey(int64_t integrationId, std::string_view key) {
  return "external-issue:" + std::to_string(integrationId) + ":" + std::string(key);
}

OutboundEvents::OutboundEvents(jobs::JobQueue& queue, IntegrationService& integrations)
    : queue_(queue), integrations_(integrations) {}

void OutboundEvents::issueAssigned(storage::UnitOfWork& uow, const storage::Issue& issue,
                                   const std::optional<storage::User>& assignee, const ChangeSource& source) {
  enqueueFor(uow, queue_, integrations_, issue, source, Direction::Assignment, IHP_EVENT_ISSUE_ASSIGNED,
             [&](json::JsonBuilder& out, const SyncTarget& target) {
               out.key("assignee");
               if (assignee) {
                 // The organization's mapping names the remote user outright,
                 // so the plugin assigns it without searching by email.
                 auto mapping = storage::UserMappingRepository(uow).findForUser(
                     issue.organizationId, target.externalIssue.integrationId, assignee->id);
                 writeUser(out, *assignee, true, mapping ? std::optional<std::string>(mapping->remoteName)
                                                         : std::nullopt);
               } else {
                 out.null();
               }
             });
}

void OutboundEvents::statusChanged(storage::UnitOfWork& uow, const storage::Issue& issue, const ChangeSource& source) {
  enqueueFor(uow, queue_, integrations_, issue, source, Direction::Status, IHP_EVENT_ISSUE_STATUS_CHANGED,
             [&](json::JsonBuilder& out, const SyncTarget&) {
               out.field("resolved", issue.status == storage::IssueStatus::Resolved);
             });
}

namespace {
void writeComment(json::JsonBuilder& out, const storage::Comment& comment, const std::optional<storage::User>& author,
                  const std::optional<std::string>& externalCommentId) {
  out.key("comment").beginObject().field("id", comment.id).field("text", comment.text).key("author");
  if (author) {
    writeUser(out, *author, false);
  } else {
    out.null();
  }
  if (externalCommentId) out.field("externalCommentId", *externalCommentId);
  out.endObject();
}
}  // namespace

void OutboundEvents::commentCreated(storage::UnitOfWork& uow, const storage::Issue& issue,
                                    const storage::Comment& comment, const std::optional<storage::User>& author,
                                    const ChangeSource& source) {
  enqueueFor(uow, queue_, integrations_, issue, source, Direction::Comments, IHP_EVENT_COMMENT_CREATED,
             [&](json::JsonBuilder& out, const SyncTarget&) { writeComment(out, comment, author, std::nullopt); });
}

void OutboundEvents::commentUpdated(storage::UnitOfWork& uow, const storage::Issue& issue,
                                    const storage::Comment& comment, const std::optional<storage::User>& author,
                                    const ChangeSource& source) {
  storage::ExternalIssueRepository externals(uow);
  enqueueFor(uow, queue_, integrations_, issue, source, Direction::Comments, IHP_EVENT_COMMENT_UPDATED,
             [&](json::JsonBuilder& out, const SyncTarget& target) {
               writeComment(out, comment, author, externals.externalCommentId(comment.id, target.externalIssue.id));
             });
}

}  // namespace ih::host::domain
