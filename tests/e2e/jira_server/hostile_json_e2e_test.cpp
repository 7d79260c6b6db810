// Hostile JSON against the real host process (issue 9, finding 1): a body
// nested 200 000 levels deep used to overflow the stack and kill the host
// (SIGSEGV) on any /api/0/ route with a JSON body, e.g. a plain member's
// POST .../comments/, and on the webhook with a valid token, where the
// plugin parses the delivery through the SDK. Now every such body, invalid
// UTF-8 and JSON deeper than 64 levels are a 400, nothing is stored, and the
// host keeps serving. Also findings 4 and 6 against real processes: another
// member's comment edit is 403, and a delivery dated far in the future is a
// 400 that moves no watermark.
#include <gtest/gtest.h>

#include <cstdint>
#include <string>

#include "jira_e2e.h"
#include "support/http_client.h"
#include "support/nested_json.h"

namespace ih::e2e::jira {
namespace {

using ih::testing::nestedJsonArrays;
using ih::testing::nestedJsonObjects;

// {"a": is 5 bytes a level (and } one more): 120 000 levels stay under the 1 MiB body limit.
constexpr size_t kObjectLevels = 120000;

class HostileJsonE2E : public JiraE2ETest {
 protected:
  void SetUp() override {
    start();
    createOrg("acme");
    const std::string bob = createUser("bob@example.test");
    addMember("acme", bob);  // a plain member, not an owner
    createProject("acme", "web", "core", bob);
    issue_ = createIssue("acme", "web", "Disk full");
    Reply token = host_->post("/api/0/users/" + bob + "/tokens/", "", kAdmin);
    ASSERT_EQ(token.status, 201) << token.describe();
    memberToken_ = token.str("token");
    ASSERT_EQ(install("acme").status, 200);
    webhook_ = webhookUrl();
    ASSERT_FALSE(webhook_.empty());
  }

  Reply postComment(const std::string& body) {
    return host_->post("/api/0/organizations/acme/issues/" + issue_ + "/comments/", body, memberToken_);
  }
  size_t activityCount() {
    Reply list = activities("acme", issue_);
    EXPECT_EQ(list.status, 200) << list.describe();
    return list.json.IsArray() ? list.json.Size() : 0;
  }
  void expectServing() {
    EXPECT_EQ(host_->get("/healthz", "").status, 200) << "the host must keep serving";
    EXPECT_TRUE(host_->process().running());
  }

  std::string issue_, memberToken_, webhook_;
};

TEST_F(HostileJsonE2E, DeepJsonOnAnApiRouteIs400AndTheHostKeepsServing) {
  const size_t before = activityCount();
  for (const std::string& body : {nestedJsonArrays(200000), nestedJsonObjects(kObjectLevels),
                                  "{\"text\":" + nestedJsonArrays(65) + "}"}) {
    ASSERT_LT(body.size(), 1024u * 1024u) << "under the body limit, so the parser sees it";
    Reply refused = postComment(body);
    EXPECT_EQ(refused.status, 400) << refused.describe().substr(0, 200);
    EXPECT_EQ(refused.str("detail"), "Malformed JSON body: nested deeper than 64 levels");
    expectServing();
  }
  EXPECT_EQ(activityCount(), before) << "nothing stored";
  EXPECT_EQ(postComment(R"({"text":"still works"})").status, 201);
}

TEST_F(HostileJsonE2E, DeepJsonOnTheWebhookWithAValidTokenIs400) {
  for (const std::string& body : {nestedJsonArrays(200000), nestedJsonObjects(kObjectLevels)}) {
    auto refused = ih::testing::httpRequest("POST", webhook_, body, {{"Content-Type", "application/json"}});
    EXPECT_EQ(refused.status, 400);
    expectServing();
  }
  const std::string valid = R"({"webhookEvent":"jira:issue_updated","issue":{"key":"OPS-1"},"changelog":{"items":[]}})";
  EXPECT_EQ(ih::testing::httpRequest("POST", webhook_, valid).status, 200) << "the token was valid all along";
}

TEST_F(HostileJsonE2E, InvalidUtf8IsRefusedAndNothingIsStored) {
  const size_t before = activityCount();
  for (const std::string& text : {std::string("\xff"), std::string("caf\xc3"), std::string("\xc0\xaf"),
                                  std::string("\xed\xa0\x80"), std::string("\\udc00")}) {
    Reply refused = postComment("{\"text\":\"" + text + "\"}");
    EXPECT_EQ(refused.status, 400) << refused.describe();
    EXPECT_EQ(refused.str("detail").rfind("Malformed JSON body: not valid UTF-8", 0), 0u) << refused.describe();
  }
  auto delivery = ih::testing::httpRequest(
      "POST", webhook_, "{\"webhookEvent\":\"jira:issue_updated\",\"issue\":{\"key\":\"OPS-\xff\"},\"changelog\":{}}");
  EXPECT_EQ(delivery.status, 400);
  EXPECT_EQ(activityCount(), before) << "nothing stored";
  expectServing();
}

TEST_F(HostileJsonE2E, AnotherMembersCommentIsNotTheirsToEdit) {
  const std::string carol = createUser("carol@example.test");
  addMember("acme", carol);
  Reply token = host_->post("/api/0/users/" + carol + "/tokens/", "", kAdmin);
  ASSERT_EQ(token.status, 201) << token.describe();
  Reply created = postComment(R"({"text":"bob's words"})");
  ASSERT_EQ(created.status, 201) << created.describe();
  const std::string path = "/api/0/organizations/acme/issues/" + issue_ + "/comments/" + created.str("id") + "/";
  Reply forged = host_->put(path, R"({"text":"carol's words"})", token.str("token"));
  EXPECT_EQ(forged.status, 403) << forged.describe();
  EXPECT_EQ(host_->put(path, R"({"text":"bob again"})", memberToken_).status, 200);
  expectServing();
}

TEST_F(HostileJsonE2E, ADeliveryDatedFarInTheFutureIs400) {
  const std::string assign =
      R"({"webhookEvent":"jira:issue_updated","timestamp":)" + std::to_string(INT64_MAX) +
      R"(,"issue":{"key":"OPS-1","fields":{"assignee":null}},"changelog":{"items":[{"field":"assignee","from":null,"to":null}]}})";
  EXPECT_EQ(ih::testing::httpRequest("POST", webhook_, assign).status, 400);
  const std::string updated = R"({"webhookEvent":"jira:issue_updated","issue":{"key":"OPS-1","fields":)"
                              R"({"updated":"9999-12-31T23:59:59.999+0000","assignee":null}},)"
                              R"("changelog":{"items":[{"field":"assignee","from":null,"to":null}]}})";
  EXPECT_EQ(ih::testing::httpRequest("POST", webhook_, updated).status, 400);
  expectServing();
}

}  // namespace
}  // namespace ih::e2e::jira
