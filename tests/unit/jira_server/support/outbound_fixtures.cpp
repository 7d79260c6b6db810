#include "support/outbound_fixtures.h"

#include "ihp/sdk/json.hpp"

namespace ih::jira::testing {

using ihp::sdk::json::JsonBuilder;
using ::testing::_;
using ::testing::Return;

std::string api(const std::string& path) { return std::string(kBaseUrl) + "/rest/api/2" + path; }

std::string updatedUrl() { return api("/issue/OPS-1?fields=updated,status"); }

CannedResponse updatedAnswerInStatus(const std::string& statusId) {
  return respond(200, std::string(R"({"id":"10000","key":"OPS-1","fields":{"updated":")") + kTicketUpdated +
                          R"(","status":{"id":")" + statusId + R"(","name":"Any"}}})");
}

namespace {
CannedResponse updatedAnswer() { return updatedAnswerInStatus(kTicketUpdatedStatus); }
}  // namespace

void scriptUpdatedRead(HttpScript& http) { http.on("GET", updatedUrl(), updatedAnswer()); }
void allowUpdatedRead(HttpScript& http) { http.allow("GET", updatedUrl(), updatedAnswer()); }

EventJson& EventJson::config(std::string json) {
  config_ = std::move(json);
  return *this;
}
EventJson& EventJson::assignee(std::vector<std::string> verifiedEmails) {
  emails_ = std::move(verifiedEmails);
  return *this;
}
EventJson& EventJson::unassigned() {
  emails_.reset();
  return *this;
}
EventJson& EventJson::resolved(bool resolved) {
  resolved_ = resolved;
  return *this;
}
EventJson& EventJson::comment(std::string text, std::optional<std::string> externalCommentId) {
  commentText_ = std::move(text);
  externalCommentId_ = std::move(externalCommentId);
  return *this;
}
EventJson& EventJson::organization(int64_t id) {
  organization_ = id;
  return *this;
}

std::string EventJson::json() const {
  JsonBuilder out;
  out.beginObject()
      .field("organizationId", organization_)
      .field("integrationId", kIntegrationId)
      .rawField("config", config_)
      .key("issue")
      .beginObject()
      .field("id", int64_t{42})
      .field("shortId", "SHORT-1")
      .field("title", "Boom")
      .field("status", resolved_ ? "resolved" : "unresolved")
      .field("projectId", int64_t{3})
      .endObject()
      .key("externalIssue")
      .beginObject()
      .field("id", kExternalIssueId)
      .field("key", "OPS-1")
      .endObject();
  out.key("assignee");
  if (emails_) {
    out.beginObject().field("id", int64_t{9}).field("name", "Bob").field("email", "bob@example.test");
    out.key("verifiedEmails").beginArray();
    for (const auto& email : *emails_) out.value(email);
    out.endArray().endObject();
  } else {
    out.null();
  }
  out.field("resolved", resolved_);
  out.key("comment")
      .beginObject()
      .field("id", kCommentId)
      .field("text", commentText_)
      .key("author")
      .beginObject()
      .field("id", int64_t{9})
      .field("name", "Bob Builder")
      .endObject();
  if (externalCommentId_) out.field("externalCommentId", *externalCommentId_);
  out.endObject().endObject();
  return out.str();
}

std::string formContext(const std::string& configJson, const std::map<std::string, std::string>& params) {
  JsonBuilder out;
  out.beginObject()
      .field("organizationId", int64_t{1})
      .field("organizationSlug", "acme")
      .field("integrationId", kIntegrationId)
      .rawField("config", configJson)
      .key("issue")
      .beginObject()
      .field("id", int64_t{42})
      .field("shortId", "SHORT-1")
      .field("title", "Boom")
      .field("url", "https://host.example.test/organizations/acme/issues/42/")
      .field("projectId", int64_t{3})
      .endObject()
      .key("params")
      .beginObject();
  for (const auto& [name, value] : params) out.field(name, value);
  out.endObject().endObject();
  return out.str();
}

std::string jiraIssue(const std::string& key, const std::string& summary, const std::string& projectId,
                      const std::string& statusId, const std::optional<std::string>& description) {
  JsonBuilder out;
  out.beginObject()
      .field("id", "10001")
      .field("key", key)
      .key("fields")
      .beginObject()
      .field("summary", summary)
      .field("description", description)
      .key("project")
      .beginObject()
      .field("id", projectId)
      .field("key", "OPS")
      .endObject()
      .key("status")
      .beginObject()
      .field("id", statusId)
      .field("name", "Some status")
      .endObject()
      .endObject()
      .endObject();
  return out.str();
}

std::string jiraUser(const std::string& name, const std::string& displayName, const std::optional<std::string>& email) {
  JsonBuilder out;
  out.beginObject().field("name", name).field("key", "JIRAUSER-" + name).field("displayName", displayName);
  if (email) out.field("emailAddress", *email);
  out.field("active", true).endObject();
  return out.str();
}

std::string jsonList(const std::vector<std::string>& items) {
  std::string list = "[";
  for (size_t i = 0; i < items.size(); ++i) list += (i ? "," : "") + items[i];
  return list + "]";
}

std::string transitionsJson(const std::vector<std::pair<std::string, std::string>>& idToStatus) {
  JsonBuilder out;
  out.beginObject().field("expand", "transitions").key("transitions").beginArray();
  for (const auto& [id, to] : idToStatus) {
    out.beginObject().field("id", id).field("name", "Transition " + id);
    if (!to.empty()) out.key("to").beginObject().field("id", to).field("name", "Status " + to).endObject();
    out.endObject();
  }
  out.endArray().endObject();
  return out.str();
}

std::string page(const std::vector<std::string>& values, int64_t startAt, bool isLast) {
  return R"({"maxResults":50,"startAt":)" + std::to_string(startAt) + R"(,"total":999,"isLast":)" +
         (isLast ? "true" : "false") + R"(,"values":)" + jsonList(values) + "}";
}

void OutboundTest::SetUp() {
  allowUpdatedRead(host.http);
  ON_CALL(host, integrationGet(kIntegrationId)).WillByDefault(Return(ok(integrationRecord())));
  ON_CALL(host, credentials(kIntegrationId, 1)).WillByDefault(Return(ok(oauthCredentials())));
  ON_CALL(host, credentials(kIntegrationId, 0)).WillByDefault(Return(ok(oauthCredentials())));
  ON_CALL(host, credentials(kIntegrationId, 2)).WillByDefault(Return(failed(IHP_E_FORBIDDEN)));
  ON_CALL(host, externalIssueMarkGone(_, _, _)).WillByDefault(Return(IHP_OK));
  ON_CALL(host, commentLinkExternal(_, _, _, _)).WillByDefault(Return(IHP_OK));
  ON_CALL(host, orgConfigMerge(_, _, _)).WillByDefault(Return(IHP_OK));
}

void OutboundTest::usePatCredentials(const std::string& token) {
  ON_CALL(host, credentials(kIntegrationId, ::testing::_))
      .WillByDefault(Return(ok(R"({"auth_type":"pat","personal_access_token":")" + token + "\"}")));
}

}  // namespace ih::jira::testing
