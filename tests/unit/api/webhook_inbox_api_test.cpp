// tests/unit/api/webhook_inbox_api_test.cpp - public plugin routes with the
// webhook inbox (ABI 1.5's ACCEPT and APPLY phases) over real HTTP: what a
// deferring plugin's answer promises, what the inbox keeps, and how it is
// applied, retried and given up. The api_test plugin's "defer-*" tokens
// record each application as a "deferred" job whose payload is what the call
// saw.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "api_test_host.h"
#include "ihp/plugin_abi.h"
#include "ihp/sdk/hex.hpp"
#include "ihp/sdk/json.hpp"
#include "storage/query.h"

namespace ih::test {
namespace {

namespace json = ihp::sdk::json;

host::inbox::InboxOptions twoAttempts() {
  host::inbox::InboxOptions options;
  options.maxAttempts = 2;
  options.firstRetryDelayMs = 1000;
  return options;
}

class WebhookInboxApiTest : public ::testing::Test {
 protected:
  WebhookInboxApiTest()
      : host(ApiTestHostOptions{.manualClock = true, .webhookInbox = true, .inbox = twoAttempts()}) {}

  ApiReply deliver(const std::string& token, const std::string& body,
                   const std::map<std::string, std::string>& headers = {}, const std::string& query = "") {
    return host.call("POST", "/extensions/api-test/hook/" + token + "/" + query, nullptr, body, headers);
  }
  int64_t scalar(const std::string& sql) {
    auto uow = host.core().begin();
    return host::storage::Query(*uow, sql).scalarInt64();
  }
  int64_t stored() { return scalar("SELECT count(*) FROM webhook_inbox WHERE dead = 0"); }
  // The payloads of the "deferred" jobs: one per application that committed.
  std::vector<json::Document> applications() {
    std::vector<json::Document> seen;
    auto uow = host.core().begin();
    for (const auto& row :
         host::storage::Query(*uow, "SELECT payload FROM jobs WHERE kind = 'deferred' ORDER BY id").rows()) {
      json::Document doc;
      EXPECT_TRUE(json::parseObject(row.text(0), doc)) << row.text(0);
      seen.push_back(std::move(doc));
    }
    return seen;
  }

  ApiTestHost host;
};

TEST_F(WebhookInboxApiTest, ADeferredRequestIsAnsweredOnceStoredAndAppliedLaterWithTheSameBytes) {
  // Bytes a text column would refuse or alter: NUL, invalid UTF-8, CR/LF.
  const std::string body = std::string("{\"k\":\"caf\xc3\xa9\"}\0\xff\r\n", 17);
  ApiReply answer = deliver("defer-one", body, {{"X-Probe", "p: 1;q=\"2\""}}, "?a=1&b=%20x");
  ASSERT_EQ(answer.status, 202) << answer.describe();
  EXPECT_EQ(answer.body, R"({"phase":1})");
  EXPECT_EQ(stored(), 1);
  EXPECT_TRUE(applications().empty()) << "nothing is applied before the inbox is";

  EXPECT_EQ(host.inbox().drain(), 1u);
  EXPECT_EQ(stored(), 0);
  const auto applied = applications();
  ASSERT_EQ(applied.size(), 1u);
  EXPECT_EQ(json::int64(applied[0], "phase"), IHP_REQUEST_PHASE_APPLY);
  EXPECT_EQ(json::stringOr(applied[0], "body"), ihp::sdk::hex::encode(body));
  EXPECT_EQ(json::stringOr(applied[0], "query"), "a=1&b=%20x");
  EXPECT_EQ(json::stringOr(applied[0], "header"), "p: 1;q=\"2\"");
  EXPECT_EQ(host.inbox().drain(), 0u) << "applied once";
}

// The acknowledgement is the promise that the request is kept: when it
// cannot be stored the sender gets an error to act on, not a 2xx, and the
// inbox's writer goes on with the next request once the storage is back.
TEST_F(WebhookInboxApiTest, ARequestThatCannotBeStoredIsNotAcknowledged) {
  {
    auto uow = host.core().begin();
    host::storage::Query(*uow, "ALTER TABLE webhook_inbox RENAME TO webhook_inbox_away").execute();
    uow->commit();
  }
  const ApiReply refused = deliver("defer-lost", "lost");
  EXPECT_GE(refused.status, 500) << refused.describe();
  {
    auto uow = host.core().begin();
    host::storage::Query(*uow, "ALTER TABLE webhook_inbox_away RENAME TO webhook_inbox").execute();
    uow->commit();
  }
  EXPECT_EQ(stored(), 0);
  ASSERT_EQ(deliver("defer-kept", "kept").status, 202);
  EXPECT_EQ(stored(), 1);
}

TEST_F(WebhookInboxApiTest, RequestsAreAppliedInArrivalOrder) {
  for (int i = 0; i < 5; ++i) ASSERT_EQ(deliver("defer-" + std::to_string(i), std::to_string(i)).status, 202);
  EXPECT_EQ(host.inbox().drain(), 5u);
  const auto applied = applications();
  ASSERT_EQ(applied.size(), 5u);
  for (int i = 0; i < 5; ++i) EXPECT_EQ(json::stringOr(applied[i], "body"), ihp::sdk::hex::encode(std::to_string(i)));
}

TEST_F(WebhookInboxApiTest, AFailingRequestIsRetriedAloneThenKeptAsDead) {
  ASSERT_EQ(deliver("defer-a", "a").status, 202);
  ASSERT_EQ(deliver("defer-fail", "f").status, 202);
  ASSERT_EQ(deliver("defer-b", "b").status, 202);
  host.inbox().drain();
  // The batch rolled back and went again one by one: a and b committed once.
  auto applied = applications();
  ASSERT_EQ(applied.size(), 2u);
  EXPECT_EQ(json::stringOr(applied[0], "body"), ihp::sdk::hex::encode("a"));
  EXPECT_EQ(json::stringOr(applied[1], "body"), ihp::sdk::hex::encode("b"));
  EXPECT_EQ(scalar("SELECT attempts FROM webhook_inbox"), 1);
  EXPECT_EQ(scalar("SELECT dead FROM webhook_inbox"), 0);

  EXPECT_EQ(host.inbox().drain(), 0u) << "not before its retry time";
  host.core().manualClock()->advance(1000);
  host.inbox().drain();
  EXPECT_EQ(scalar("SELECT attempts FROM webhook_inbox"), 2);
  EXPECT_EQ(scalar("SELECT dead FROM webhook_inbox"), 1) << "kept for an operator, never silently dropped";
  EXPECT_EQ(stored(), 0);
  host.core().manualClock()->advance(60 * 60 * 1000);
  EXPECT_EQ(host.inbox().drain(), 0u);
  EXPECT_EQ(applications().size(), 2u) << "a failed application leaves nothing behind";
  EXPECT_EQ(host.core().metrics().value("ih_webhook_inbox_dead_total"), 1.0);
  EXPECT_EQ(host.core().metrics().value("ih_webhook_inbox_failures_total"), 2.0);
}

// A stored row that cannot be read (damaged, or of a newer host's format) is
// failed like an application: the requests behind it are applied, and it is
// retried, then kept as dead for an operator; never applied with other bytes.
TEST_F(WebhookInboxApiTest, AnUnreadableRowIsRetriedThenKeptWithoutHoldingUpTheOthers) {
  ASSERT_EQ(deliver("defer-a", "a").status, 202);
  ASSERT_EQ(deliver("defer-b", "b").status, 202);
  {
    auto uow = host.core().begin();
    uow->beginWrite();
    host::storage::Query(*uow,
                         "UPDATE webhook_inbox SET body = 'q9:****' WHERE id = (SELECT min(id) FROM webhook_inbox)")
        .execute();
    uow->commit();
  }
  host.inbox().drain();
  auto applied = applications();
  ASSERT_EQ(applied.size(), 1u);
  EXPECT_EQ(json::stringOr(applied[0], "body"), ihp::sdk::hex::encode("b"));
  EXPECT_EQ(scalar("SELECT attempts FROM webhook_inbox"), 1);
  host.core().manualClock()->advance(1000);
  host.inbox().drain();
  EXPECT_EQ(scalar("SELECT dead FROM webhook_inbox"), 1) << "kept for an operator";
  EXPECT_EQ(applications().size(), 1u);
}

TEST_F(WebhookInboxApiTest, TheSuperuserSeesADeadRequestWithoutItsSecretsAndSendsItBackOrDiscardsIt) {
  ASSERT_EQ(deliver("defer-fail", "secret body").status, 202);
  host.inbox().drain();
  host.core().manualClock()->advance(1000);
  host.inbox().drain();
  ASSERT_EQ(scalar("SELECT dead FROM webhook_inbox"), 1);
  const std::string id = std::to_string(scalar("SELECT id FROM webhook_inbox"));

  ApiReply dead = host.get("/api/0/webhook-inbox/");
  ASSERT_EQ(dead.status, 200) << dead.describe();
  ASSERT_TRUE(dead.json.IsArray() && dead.json.Size() == 1) << dead.body;
  const auto& entry = dead.json[0];
  EXPECT_EQ(json::stringOr(entry, "id"), id);
  EXPECT_EQ(json::stringOr(entry, "plugin"), "api_test");
  EXPECT_EQ(json::stringOr(entry, "route"), "/extensions/api-test/hook/{token}/");
  EXPECT_EQ(json::stringOr(entry, "state"), "dead");
  EXPECT_EQ(entry["attempts"].GetInt64(), 2);
  EXPECT_FALSE(json::stringOr(entry, "lastError").empty());
  EXPECT_EQ(dead.body.find("defer-fail"), std::string::npos) << "the path's token stays out: " << dead.body;
  EXPECT_EQ(dead.body.find("secret body"), std::string::npos);
  EXPECT_EQ(host.get("/api/0/webhook-inbox/?state=pending").body, "[]");
  EXPECT_EQ(host.get("/api/0/webhook-inbox/?state=alive").status, 400);
  EXPECT_EQ(host.get("/api/0/webhook-inbox/?after=" + id).body, "[]");

  const ApiTestHost::Acme acme = host.seedAcme();
  EXPECT_EQ(host.get("/api/0/webhook-inbox/", acme.ownerToken).status, 403) << "not an organization's rows";
  EXPECT_EQ(host.post("/api/0/webhook-inbox/" + id + "/retry/", "", acme.ownerToken).status, 403);
  EXPECT_EQ(host.call("GET", "/api/0/webhook-inbox/", nullptr).status, 401);

  ApiReply retried = host.post("/api/0/webhook-inbox/" + id + "/retry/", "");
  ASSERT_EQ(retried.status, 202) << retried.describe();
  EXPECT_EQ(stored(), 1) << "due again, with its attempts reset";
  EXPECT_EQ(scalar("SELECT attempts FROM webhook_inbox"), 0);
  EXPECT_EQ(host.post("/api/0/webhook-inbox/" + id + "/retry/", "").status, 404) << "only a dead request";
  host.inbox().drain();
  EXPECT_EQ(host.core().metrics().value("ih_webhook_inbox_failures_total"), 3.0) << "it was applied again";
  host.core().manualClock()->advance(1000);
  host.inbox().drain();
  ASSERT_EQ(scalar("SELECT dead FROM webhook_inbox"), 1);

  EXPECT_EQ(host.call("DELETE", "/api/0/webhook-inbox/" + id + "/").status, 204);
  EXPECT_EQ(scalar("SELECT count(*) FROM webhook_inbox"), 0);
  EXPECT_EQ(host.call("DELETE", "/api/0/webhook-inbox/" + id + "/").status, 404);
}

TEST_F(WebhookInboxApiTest, ARequestThePluginRefusesWhenApplyingIsDropped) {
  ASSERT_EQ(deliver("defer-gone", "g").status, 202);
  EXPECT_EQ(host.inbox().drain(), 1u);
  EXPECT_EQ(scalar("SELECT count(*) FROM webhook_inbox"), 0);
  EXPECT_TRUE(applications().empty());
}

TEST_F(WebhookInboxApiTest, AnAnswerWithoutADeferralKeepsNothingAndCommitsAsBefore) {
  ApiReply text = deliver("text", "");
  EXPECT_EQ(text.status, 200);
  EXPECT_EQ(text.body, "plain");
  ApiReply ok = deliver("ok", "{}");  // a plugin that ignores phases writes at once
  EXPECT_EQ(ok.status, 200);
  ApiReply failed = deliver("fail", "{}");
  EXPECT_EQ(failed.status, 500);
  EXPECT_EQ(scalar("SELECT count(*) FROM webhook_inbox"), 0);
  EXPECT_EQ(scalar("SELECT count(*) FROM jobs WHERE kind = 'hook'"), 1) << "the failed hook's job rolled back";
}

TEST_F(WebhookInboxApiTest, MemberRoutesAreNeverDeferred) {
  const ApiTestHost::Acme acme = host.seedAcme();
  host.enablePlugin("acme", "api_test");
  ApiReply search = host.get("/extensions/api-test/search/acme/", acme.memberToken);
  ASSERT_EQ(search.status, 200) << search.describe();
  EXPECT_EQ(json::int64(search.json, "phase"), IHP_REQUEST_PHASE_INLINE);
}

TEST(WebhookInboxOffApiTest, WithoutAnInboxADeferringPluginAppliesAtOnce) {
  ApiTestHost host;  // as a host with --webhook-apply inline
  ApiReply answer = host.call("POST", "/extensions/api-test/hook/defer-now/", nullptr, "x");
  ASSERT_EQ(answer.status, 200) << answer.describe();
  EXPECT_EQ(answer.body, R"({"applied":true})");
  auto uow = host.core().begin();
  const auto rows = host::storage::Query(*uow, "SELECT payload FROM jobs WHERE kind = 'deferred'").rows();
  ASSERT_EQ(rows.size(), 1u);
  json::Document payload;
  ASSERT_TRUE(json::parseObject(rows[0].text(0), payload));
  EXPECT_EQ(json::int64(payload, "phase"), IHP_REQUEST_PHASE_INLINE);
  EXPECT_EQ(host::storage::Query(*uow, "SELECT count(*) FROM webhook_inbox").scalarInt64(), 0);
}

}  // namespace
}  // namespace ih::test
