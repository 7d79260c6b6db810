#include "api/serializers.h"

#include "ihp/sdk/timestamp.hpp"

namespace ih::host::api {

std::string idString(int64_t id) { return std::to_string(id); }

std::string isoTimestamp(int64_t epochMs) {
  return ihp::sdk::timestamp::formatMs(epochMs, ihp::sdk::timestamp::UtcSuffix::Z);
}

const char* roleName(storage::Role role) { return role == storage::Role::Owner ? "owner" : "member"; }

const char* issueStatusName(storage::IssueStatus status) {
  return status == storage::IssueStatus::Resolved ? "resolved" : "unresolved";
}

const char* integrationStatusName(storage::IntegrationStatus integration, storage::IntegrationStatus link) {
  const storage::IntegrationStatus effective =
      integration != storage::IntegrationStatus::Active ? integration : link;
  switch (effective) {
    case storage::IntegrationStatus::Disabled:
      return "disabled";
    case storage::IntegrationStatus::PendingDeletion:
      return "pending_deletion";
    case storage::IntegrationStatus::Active:
      break;
  }
  return "active";
}

const char* jobStateName(storage::JobState state) {
  switch (state) {
    case storage::JobState::Running:
      return "running";
    case storage::JobState::Done:
      return "done";
    case storage::JobState::Dead:
      return "dead";
    case storage::JobState::Pending:
      break;
  }
  return "pending";
}

void writeObjectOrEmpty(JsonBuilder& b, std::string_view json) {
  ihp::sdk::json::Document doc;
  if (ihp::sdk::json::parseObject(json, doc)) {
    b.value(doc);
  } else {
    b.beginObject().endObject();
  }
}

void writeOrganization(JsonBuilder& b, const storage::Organization& org) {
  b.beginObject().field("id", idString(org.id)).field("slug", org.slug).field("name", org.name).endObject();
}

void writeUser(JsonBuilder& b, const storage::User& user) {
  b.beginObject().field("id", idString(user.id)).field("email", user.email).field("name", user.name).endObject();
}

void writeSlugged(JsonBuilder& b, int64_t id, std::string_view slug) {
  b.beginObject().field("id", idString(id)).field("slug", slug).endObject();
}

void writeIssue(JsonBuilder& b, const storage::Issue& issue, const storage::Project& project,
                const std::optional<storage::User>& assignee) {
  b.beginObject()
      .field("id", idString(issue.id))
      .field("shortId", issue.shortId)
      .field("title", issue.title)
      .field("status", issueStatusName(issue.status))
      .key("project");
  writeSlugged(b, project.id, project.slug);
  b.key("assignedTo");
  if (assignee) {
    b.beginObject()
        .field("type", "user")
        .field("id", idString(assignee->id))
        .field("email", assignee->email)
        .field("name", assignee->name)
        .endObject();
  } else {
    b.null();
  }
  b.endObject();
}

void writeActivity(JsonBuilder& b, const storage::Activity& activity) {
  b.beginObject().field("id", idString(activity.id)).field("type", activity.type).key("data");
  writeObjectOrEmpty(b, activity.dataJson);
  b.field("dateCreated", isoTimestamp(activity.createdAt)).endObject();
}

void writeComment(JsonBuilder& b, const storage::Comment& comment) {
  b.beginObject()
      .field("id", idString(comment.id))
      .field("text", comment.text)
      .field("dateCreated", isoTimestamp(comment.createdAt))
      .endObject();
}

void writeExternalIssue(JsonBuilder& b, const domain::ExternalIssueView& external) {
  b.beginObject()
      .field("id", idString(external.id))
      .field("integrationId", idString(external.integrationId))
      .field("key", external.key)
      .field("title", external.title)
      .field("url", external.url)
      .endObject();
}

void writeIntegration(JsonBuilder& b, const domain::OrgIntegrationView& view, std::string_view providerName,
                      std::string_view configJson) {
  ihp::sdk::json::Document metadata;
  std::string domainName;
  if (ihp::sdk::json::parseObject(view.integration.metadataJson, metadata)) {
    domainName = ihp::sdk::json::stringOr(metadata, "domain_name");
  }
  b.beginObject()
      .field("id", idString(view.integration.id))
      .key("provider")
      .beginObject()
      .field("key", view.integration.provider)
      .field("name", providerName)
      .endObject()
      .field("name", view.integration.name)
      .field("externalId", view.integration.externalId)
      .field("domainName", domainName)
      .field("status", integrationStatusName(view.integration.status, view.link.status))
      .key("config");
  writeObjectOrEmpty(b, configJson);
  b.endObject();
}

void writePluginInfo(JsonBuilder& b, const plugins::PluginInfo& info) {
  b.beginObject()
      .field("key", info.key)
      .field("name", info.name)
      .field("version", info.version)
      .field("abiVersion", info.abiVersion)
      .key("features")
      .beginArray();
  for (const auto& feature : info.features) b.value(feature);
  b.endArray().endObject();
}

void writeJob(JsonBuilder& b, const storage::Job& job) {
  b.beginObject()
      .field("id", idString(job.id))
      .field("kind", job.kind)
      .field("state", jobStateName(job.state))
      .field("attempts", static_cast<int64_t>(job.attempts))
      .field("maxAttempts", static_cast<int64_t>(job.maxAttempts))
      .field("lastError", job.lastError)
      .field("runAt", isoTimestamp(job.runAt));
  if (job.integrationId) {
    b.field("integrationId", idString(*job.integrationId));
  } else {
    b.nullField("integrationId");
  }
  b.endObject();
}

}  // namespace ih::host::api
