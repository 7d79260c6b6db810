#include "outbound_e2e.h"

#include "storage/database.h"
#include "storage/inbox_repository.h"
#include "support/eventually.h"
#include "support/http_client.h"
#include "support/json_helpers.h"

namespace ih::e2e::jira {

using ih::testing::jsonHas;
using ih::testing::jsonString;

void OutboundE2E::SetUp() {
  start();
  ASSERT_EQ(jira_->control("POST", "/_mock/seed", personalAccessTokenSeed(kReaderPat, "alice")).status, 200);
  ASSERT_EQ(jira_->control("POST", "/_mock/seed", personalAccessTokenSeed(kInstallPat, "alice")).status, 200);
  createOrg("acme");
  bob_ = createUser("bob@example.test");
  addMember("acme", bob_);
  createProject("acme", "web", "core", bob_);
  issue_ = createIssue("acme", "web", "Disk full");
  ASSERT_EQ(install("acme").status, 200);
  integration_ = integrationIdOf("acme");
  ASSERT_FALSE(integration_.empty());
  ASSERT_TRUE(linkIssue("acme", issue_, integration_, "OPS-1"));
  Reply configured = setConfig("acme", integration_, kAllSyncsOn);
  ASSERT_EQ(configured.status, 200) << configured.describe();
}

Reply OutboundE2E::updateIssue(const std::string& org, const std::string& issueId, const std::string& body) {
  return api_->updateIssue(org, issueId, body);
}

std::string OutboundE2E::tokenFor(const std::string& userId) {
  Reply created = host_->post("/api/0/users/" + userId + "/tokens/", "", kAdmin);
  EXPECT_EQ(created.status, 201) << created.describe();
  return created.str("token");
}

std::vector<std::string> OutboundE2E::activityTypes(const std::string& org, const std::string& issueId) {
  std::vector<std::string> types;
  Reply list = activities(org, issueId);
  if (!list.json.IsArray()) return types;
  for (const auto& activity : list.json.GetArray()) types.push_back(jsonString(activity, "/type"));
  return types;
}

Reply OutboundE2E::searchRoute(const std::string& org, const std::string& integrationId, const std::string& query,
                               const std::string& token) {
  return host_->get("/extensions/jira-server/search/" + org + "/" + integrationId + "/?" + query, token);
}

std::string OutboundE2E::ticketField(const std::string& key, const std::string& pointer) {
  auto response =
      jira_->jira("GET", "/rest/api/2/issue/" + key, "", {{"Authorization", std::string("Bearer ") + kReaderPat}});
  if (response.status != 200) return "<HTTP " + std::to_string(response.status) + ">";
  auto doc = ih::testing::parseJson(response.body);
  if (!jsonHas(doc, pointer)) return {};
  const auto& value = ih::testing::jsonAt(doc, pointer);
  return value.IsString() ? value.GetString() : (value.IsNull() ? "" : ih::testing::toJson(value));
}

std::vector<std::string> OutboundE2E::commentBodies(const std::string& key) {
  std::vector<std::string> bodies;
  auto response = jira_->jira("GET", "/rest/api/2/issue/" + key + "/comment", "",
                              {{"Authorization", std::string("Bearer ") + kReaderPat}});
  if (response.status != 200) return {"<HTTP " + std::to_string(response.status) + ">"};
  auto doc = ih::testing::parseJson(response.body);
  if (!jsonHas(doc, "/comments") || !doc["comments"].IsArray()) return {"<no comments list>"};
  for (const auto& comment : doc["comments"].GetArray()) bodies.push_back(jsonString(comment, "/body"));
  return bodies;
}

std::vector<JournalEntry> OutboundE2E::journal(const std::string& method, const std::string& pathSuffix) {
  return jira_->journal(method, pathSuffix);
}

void OutboundE2E::clearJournal() { EXPECT_EQ(jira_->control("DELETE", "/_mock/journal").status, 204); }

void OutboundE2E::addFault(const std::string& faultJson) {
  auto added = jira_->control("POST", "/_mock/faults", faultJson);
  EXPECT_EQ(added.status, 200) << added.body;
}

std::vector<OutboundE2E::HeldDelivery> OutboundE2E::holdDeliveriesOf(const std::string& controlPath,
                                                                    const std::string& change) {
  mockJson("POST", "/_mock/deliveries/control", R"({"mode":"hold"})");
  EXPECT_EQ(jira_->control("POST", controlPath, change).status, 200);
  std::vector<HeldDelivery> held;
  EXPECT_TRUE(within(std::chrono::seconds(5), [&] {
    const auto pending = mockJson("GET", "/_mock/deliveries/pending");
    if (!pending.IsArray() || pending.Empty()) return false;
    for (const auto& delivery : pending.GetArray()) {
      HeldDelivery one{ih::testing::jsonString(delivery, "/url"), ih::testing::jsonString(delivery, "/body"), {}};
      for (const auto& header : delivery["headers"].GetObject()) {
        one.headers[header.name.GetString()] = header.value.GetString();
      }
      held.push_back(std::move(one));
    }
    return true;
  }));
  mockJson("POST", "/_mock/deliveries/control", R"({"mode":"drop"})");
  return held;
}

void OutboundE2E::deliverChangeTo(const std::string& controlPath, const std::string& change, HostProcess& to,
                                  const std::function<void(rapidjson::Document&)>& edit) {
  const std::vector<HeldDelivery> held = holdDeliveriesOf(controlPath, change);
  ASSERT_FALSE(held.empty());
  for (const HeldDelivery& delivery : held) {
    auto doc = ih::testing::parseJson(delivery.body);
    edit(doc);
    const std::string path = delivery.url.substr(delivery.url.find(kWebhookPath));
    const int answered =
        ih::testing::httpRequest("POST", to.baseUrl() + path, ih::testing::toJson(doc), delivery.headers).status;
    ASSERT_EQ(answered, 200) << delivery.body;
  }
}

void OutboundE2E::dropStatusCategory(rapidjson::Document& payload) {
  payload["issue"]["fields"]["status"].RemoveMember("statusCategory");
}

void OutboundE2E::storeAcknowledged(host::storage::Database& database, const HeldDelivery& delivery) {
  host::storage::InboxRequest stored;
  stored.pluginKey = "jira_server";
  stored.method = "POST";
  stored.path = delivery.url.substr(delivery.url.find(kWebhookPath));
  // The mock names its headers in lowercase, as the host keeps them.
  for (const auto& [name, value] : delivery.headers) stored.headers.emplace_back(name, value);
  stored.body = delivery.body;
  auto uow = database.begin();
  host::storage::InboxRepository(*uow).append(stored);
  uow->commit();
}

bool OutboundE2E::within(std::chrono::milliseconds timeout, const std::function<bool()>& predicate) {
  return ih::testing::eventually(predicate, timeout);
}

}  // namespace ih::e2e::jira
