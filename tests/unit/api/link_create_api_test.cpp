// Linking an issue to a ticket and creating one, over HTTP: the form context
// handed to the plugin, the actions, the external issue and activity they
// store, and the error shapes; plus the jobs listing.
#include <gtest/gtest.h>

#include "api_test_host.h"
#include "ihp/plugin_abi.h"

namespace ih::test {
namespace {

namespace json = ihp::sdk::json;

class LinkCreateApiTest : public ::testing::Test {
 protected:
  void SetUp() override {
    acme = host.seedAcme();
    host.enablePlugin("acme", "api_test");
    integrationId = std::to_string(host.core().installIntegration(std::stoll(acme.orgId), "api_test", "ext-1"));
    issuePath = "/api/0/organizations/acme/issues/" + acme.issueId + "/";
    path = issuePath + "integrations/" + integrationId + "/";
  }

  ApiTestHost host;
  ApiTestHost::Acme acme;
  std::string integrationId, issuePath, path;
};

TEST_F(LinkCreateApiTest, TheFormGetsTheIssueContext) {
  ApiReply form = host.get(path + "?action=create&project=10000", acme.memberToken);
  ASSERT_EQ(form.status, 200) << form.describe();
  EXPECT_TRUE(form.json["fields"].IsArray());
  EXPECT_EQ(form.json["form"].GetInt(), IHP_FORM_CREATE);
  const auto& ctx = form.json["context"];
  EXPECT_EQ(ctx["organizationId"].GetInt64(), std::stoll(acme.orgId));
  EXPECT_EQ(json::stringOr(ctx, "organizationSlug"), "acme");
  EXPECT_EQ(ctx["integrationId"].GetInt64(), std::stoll(integrationId));
  EXPECT_TRUE(ctx["config"].IsObject());
  EXPECT_EQ(ctx["issue"]["id"].GetInt64(), std::stoll(acme.issueId));
  EXPECT_EQ(json::stringOr(ctx["issue"], "shortId"), "WEB-1");
  EXPECT_EQ(json::stringOr(ctx["issue"], "title"), "Disk full");
  EXPECT_EQ(json::stringOr(ctx["issue"], "url"), "http://host.test/organizations/acme/issues/" + acme.issueId + "/");
  EXPECT_TRUE(ctx["issue"]["projectId"].IsInt64());
  EXPECT_EQ(json::stringify(ctx["params"]), R"({"project":"10000"})");

  EXPECT_EQ(host.get(path + "?action=link", acme.memberToken).json["form"].GetInt(), IHP_FORM_LINK);
}

TEST_F(LinkCreateApiTest, FormErrors) {
  ApiReply noAction = host.get(path, acme.memberToken);
  EXPECT_EQ(noAction.status, 400);
  EXPECT_TRUE(noAction.json["action"].IsArray());
  EXPECT_EQ(host.get(path + "?action=destroy", acme.memberToken).status, 400);
  EXPECT_EQ(host.get(issuePath + "integrations/999999/?action=link", acme.memberToken).status, 404);
  EXPECT_EQ(host.get("/api/0/organizations/acme/issues/999999/integrations/" + integrationId + "/?action=link",
                     acme.memberToken).status,
            404);
  host.enablePlugin("acme", "api_test", false);
  EXPECT_EQ(host.get(path + "?action=link", acme.memberToken).status, 403);
}

TEST_F(LinkCreateApiTest, LinksAnExistingTicket) {
  ApiReply linked = host.post(path, R"({"action":"link","externalIssue":"OPS-7","comment":"hi"})", acme.memberToken);
  ASSERT_EQ(linked.status, 201) << linked.describe();
  EXPECT_EQ(linked.str("key"), "OPS-7");
  EXPECT_EQ(linked.str("integrationId"), integrationId);
  EXPECT_EQ(linked.str("url"), "http://tickets.test/browse/OPS-7");
  EXPECT_EQ(linked.str("title"), "Linked OPS-7");
  EXPECT_TRUE(linked.json["id"].IsString());

  ApiReply list = host.get(issuePath + "external-issues/", acme.memberToken);
  ASSERT_EQ(list.json.Size(), 1u);
  EXPECT_EQ(json::stringOr(list.json[0], "key"), "OPS-7");
}

TEST_F(LinkCreateApiTest, CreatesATicketAndRecordsTheActivity) {
  ApiReply created = host.post(path, R"({"action":"create","title":"New ticket","description":"d"})", acme.memberToken);
  ASSERT_EQ(created.status, 201) << created.describe();
  EXPECT_EQ(created.str("key"), "TEST-1");
  ApiReply activities = host.get(issuePath + "activities/", acme.memberToken);
  const auto& newest = activities.json[0];
  EXPECT_EQ(json::stringOr(newest, "type"), "create_issue");
  EXPECT_EQ(json::stringOr(newest["data"], "provider"), "api_test");
  EXPECT_EQ(json::stringOr(newest["data"], "integrationId"), integrationId);
  EXPECT_EQ(json::stringOr(newest["data"], "label"), "TEST-1");
  EXPECT_EQ(json::stringOr(newest["data"], "location"), "http://tickets.test/browse/TEST-1");
  EXPECT_EQ(json::stringOr(newest["data"], "title"), "New ticket");
}

TEST_F(LinkCreateApiTest, ActionErrorsPassThrough) {
  ApiReply missing = host.post(path, R"({"action":"link"})", acme.memberToken);
  EXPECT_EQ(missing.status, 400);
  EXPECT_EQ(missing.body, R"({"externalIssue":["This field is required."]})");
  EXPECT_EQ(host.post(path, R"({"externalIssue":"X-1"})", acme.memberToken).status, 400);
  EXPECT_EQ(host.get(issuePath + "external-issues/", acme.memberToken).json.Size(), 0u);
}

TEST_F(LinkCreateApiTest, OwnersListJobs) {
  host.put("/api/0/organizations/acme/integrations/" + integrationId + "/", R"({"config":{"sync_comments":true}})",
           acme.ownerToken);
  host.post(path, R"({"action":"link","externalIssue":"OPS-1"})", acme.memberToken);
  host.post(issuePath + "comments/", R"({"text":"sync me"})", acme.memberToken);
  EXPECT_EQ(host.get("/api/0/organizations/acme/jobs/", acme.memberToken).status, 403);
  ApiReply jobs = host.get("/api/0/organizations/acme/jobs/?state=pending", acme.ownerToken);
  ASSERT_EQ(jobs.status, 200) << jobs.describe();
  ASSERT_GE(jobs.json.Size(), 1u) << jobs.body;
  EXPECT_EQ(json::stringOr(jobs.json[0], "kind"), "ihp.event");
  EXPECT_EQ(json::stringOr(jobs.json[0], "state"), "pending");
  EXPECT_EQ(json::stringOr(jobs.json[0], "integrationId"), integrationId);
  EXPECT_EQ(host.get("/api/0/organizations/acme/jobs/?state=dead", acme.ownerToken).body, "[]");
  EXPECT_EQ(host.get("/api/0/organizations/acme/jobs/?state=weird", acme.ownerToken).status, 400);
}

}  // namespace
}  // namespace ih::test
