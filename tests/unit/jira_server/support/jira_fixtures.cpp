#include "support/jira_fixtures.h"

#include "ihp/sdk/json.hpp"

namespace ih::jira::testing {

using ihp::sdk::json::JsonBuilder;

std::string installForm(const std::string& url, const std::string& consumerKey, const std::string& privateKey) {
  JsonBuilder out;
  out.beginObject().field("url", url).field("consumerKey", consumerKey).field("privateKey", privateKey).endObject();
  return out.str();
}

std::string pipelineStateJson(const std::string& url, bool verifySsl) {
  JsonBuilder out;
  out.beginObject()
      .key("installationData")
      .beginObject()
      .field("url", url)
      .field("consumer_key", kConsumerKey)
      .field("private_key", kPrivateKey)
      .field("verify_ssl", verifySsl)
      .endObject()
      .key("requestToken")
      .beginObject()
      .field("oauth_token", kRequestToken)
      .field("oauth_token_secret", kRequestSecret)
      .endObject()
      .endObject();
  return out.str();
}

std::string metadataJson(const MetadataSpec& spec) {
  JsonBuilder out;
  out.beginObject().field("base_url", spec.baseUrl).field("domain_name", "jira.example.test").field("verify_ssl", true);
  if (!spec.webhookSecret.empty()) out.field("webhook_secret", spec.webhookSecret);
  if (!spec.dcWebhookSecret.empty()) out.field("dc_webhook_secret", spec.dcWebhookSecret);
  if (!spec.webhookId.empty()) out.field("webhook_id", spec.webhookId);
  out.field("webhook_api", spec.webhookApi).endObject();
  return out.str();
}

std::string integrationRecord(int64_t id, const std::string& externalId, const std::string& status,
                              const std::string& metadata) {
  JsonBuilder out;
  out.beginObject()
      .field("id", id)
      .field("provider", "jira_server")
      .field("externalId", externalId)
      .field("name", kConsumerKey)
      .field("status", status)
      .rawField("metadata", metadata)
      .endObject();
  return out.str();
}

std::string orgLink(int64_t organizationId, bool pluginEnabled, const std::string& configJson) {
  JsonBuilder out;
  out.beginObject()
      .field("organizationId", organizationId)
      .field("pluginEnabled", pluginEnabled)
      .field("status", "active")
      .rawField("config", configJson)
      .endObject();
  return out.str();
}

std::string oauthCredentials() {
  JsonBuilder out;
  out.beginObject()
      .field("auth_type", "oauth1")
      .field("consumer_key", kConsumerKey)
      .field("private_key", kPrivateKey)
      .field("access_token", kAccessToken)
      .field("access_token_secret", kAccessSecret)
      .endObject();
  return out.str();
}

IssuePayload& IssuePayload::key(std::string key) {
  key_ = std::move(key);
  return *this;
}
IssuePayload& IssuePayload::event(std::string name) {
  event_ = std::move(name);
  return *this;
}
IssuePayload& IssuePayload::assignee(std::string email) {
  assigneeKind_ = Assignee::Email;
  email_ = std::move(email);
  return *this;
}
IssuePayload& IssuePayload::assigneeWithoutEmail() {
  assigneeKind_ = Assignee::WithoutEmail;
  return *this;
}
IssuePayload& IssuePayload::unassigned() {
  assigneeKind_ = Assignee::Null;
  return *this;
}
IssuePayload& IssuePayload::noAssigneeField() {
  assigneeKind_ = Assignee::Absent;
  return *this;
}
IssuePayload& IssuePayload::updated(std::optional<std::string> updated) {
  updated_ = std::move(updated);
  return *this;
}
IssuePayload& IssuePayload::timestamp(std::optional<int64_t> ms) {
  timestamp_ = ms;
  return *this;
}
IssuePayload& IssuePayload::changeAssignee() {
  items_.push_back({"assignee", "JIRAUSER10100", "JIRAUSER10200", "Alice Admin", "Bob Builder"});
  return *this;
}
IssuePayload& IssuePayload::changeStatus(const std::string& from, const std::string& to) {
  items_.push_back({"status", from, to, "From " + from, "To " + to});
  return *this;
}
IssuePayload& IssuePayload::status(const std::string& id, const std::string& categoryKey) {
  status_ = std::make_pair(id, categoryKey);
  return *this;
}
IssuePayload& IssuePayload::move(const std::string& oldKey, const std::string& newKey) {
  items_.push_back({"Key", std::nullopt, std::nullopt, oldKey, newKey});
  return *this;
}
IssuePayload& IssuePayload::noChangelog() {
  changelog_ = false;
  return *this;
}

std::string IssuePayload::json() const {
  JsonBuilder out;
  out.beginObject();
  if (timestamp_) out.field("timestamp", *timestamp_);
  out.field("webhookEvent", event_).key("user").beginObject().field("name", "alice").endObject();
  out.key("issue").beginObject().field("id", "10001").field("key", key_).key("fields").beginObject();
  out.field("summary", "Disk full");
  switch (assigneeKind_) {
    case Assignee::Email:
      out.key("assignee").beginObject().field("name", "bob").field("key", "JIRAUSER10200")
          .field("emailAddress", email_).field("displayName", "Bob Builder").endObject();
      break;
    case Assignee::WithoutEmail:
      out.key("assignee").beginObject().field("name", "bob").field("key", "JIRAUSER10200")
          .field("displayName", "Bob Builder").endObject();
      break;
    case Assignee::Null: out.nullField("assignee"); break;
    case Assignee::Absent: break;
  }
  if (status_) {
    out.key("status").beginObject().field("id", status_->first).field("name", "Status " + status_->first);
    if (!status_->second.empty()) out.key("statusCategory").beginObject().field("key", status_->second).endObject();
    out.endObject();
  }
  if (updated_) out.field("updated", *updated_);
  out.endObject().endObject();
  if (changelog_) {
    out.key("changelog").beginObject().field("id", "10555").key("items").beginArray();
    for (const auto& item : items_) {
      out.beginObject().field("field", item.field).field("fieldtype", "jira");
      out.field("from", item.from).field("fromString", item.fromString);
      out.field("to", item.to).field("toString", item.toString);
      out.endObject();
    }
    out.endArray().endObject();
  }
  out.endObject();
  return out.str();
}

}  // namespace ih::jira::testing
