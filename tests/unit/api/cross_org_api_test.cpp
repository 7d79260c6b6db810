// Tenancy at the API: a member (or owner) of acme who puts beta's issue id,
// or beta's comment id, into an acme URL gets 404 on every issue route, as
// if the id did not exist, and beta's issue, activities and comment stay as
// they were. (The storage and domain tests check the same rule one layer
// down; this holds the routes to it.)
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "api_test_host.h"

namespace ih::test {
namespace {

class CrossOrgApiTest : public ::testing::Test {
 protected:
  void SetUp() override {
    acme = host.seedAcme();
    host.createOrganization("beta");
    const std::string betaUser = host.createUser("someone@beta.test");
    host.addMember("beta", betaUser, "member");
    ASSERT_EQ(host.post("/api/0/organizations/beta/teams/", R"({"slug":"ops"})").status, 201);
    ASSERT_EQ(host.post("/api/0/organizations/beta/projects/", R"({"slug":"api","teams":["ops"]})").status, 201);
    betaIssue = host.createIssue("beta", "api", "Beta's secret outage");
    ApiReply comment = host.post(betaPath() + "comments/", R"({"text":"beta only"})", host.tokenFor(betaUser));
    ASSERT_EQ(comment.status, 201) << comment.describe();
    betaComment = comment.str("id");
    before = snapshot();
  }

  std::string betaPath() const { return "/api/0/organizations/beta/issues/" + betaIssue + "/"; }
  // beta's issue through acme's URL.
  std::string throughAcme() const { return "/api/0/organizations/acme/issues/" + betaIssue + "/"; }

  // What beta sees of its issue (as the superuser): the issue and its activities.
  std::string snapshot() {
    ApiReply issue = host.get(betaPath());
    ApiReply activities = host.get(betaPath() + "activities/");
    EXPECT_EQ(issue.status, 200) << issue.describe();
    EXPECT_EQ(activities.status, 200) << activities.describe();
    return issue.body + "\n" + activities.body;
  }

  void expectNotFound(const std::string& method, const std::string& path, const std::string& body,
                      const std::string& token) {
    ApiReply reply = host.call(method, path, token.c_str(), body);
    EXPECT_EQ(reply.status, 404) << method << " " << path << " -> " << reply.describe();
    EXPECT_EQ(reply.body.find("Beta's secret"), std::string::npos) << "leaked: " << reply.body;
    EXPECT_EQ(reply.body.find("beta only"), std::string::npos) << "leaked: " << reply.body;
  }

  ApiTestHost host;
  ApiTestHost::Acme acme;
  std::string betaIssue, betaComment, before;
};

TEST_F(CrossOrgApiTest, AnotherOrgsIssueIdIsNotFoundThroughThisOrgsUrl) {
  for (const std::string& token : {acme.memberToken, acme.ownerToken}) {
    expectNotFound("GET", throughAcme(), "", token);
    expectNotFound("GET", throughAcme() + "activities/", "", token);
    expectNotFound("GET", throughAcme() + "external-issues/", "", token);
    expectNotFound("GET", throughAcme() + "integrations/1/?action=link", "", token);
  }
}

TEST_F(CrossOrgApiTest, AnotherOrgsIssueCannotBeChangedThroughThisOrgsUrl) {
  for (const std::string& token : {acme.memberToken, acme.ownerToken}) {
    expectNotFound("PUT", throughAcme(), R"({"status":"resolved"})", token);
    expectNotFound("PUT", throughAcme(), R"({"assignedTo":"member@acme.test"})", token);
    expectNotFound("POST", throughAcme() + "comments/", R"({"text":"from acme"})", token);
    expectNotFound("PUT", throughAcme() + "comments/" + betaComment + "/", R"({"text":"rewritten"})", token);
    // beta's comment id under acme's own issue.
    expectNotFound("PUT", "/api/0/organizations/acme/issues/" + acme.issueId + "/comments/" + betaComment + "/",
                   R"({"text":"rewritten"})", token);
    expectNotFound("POST", throughAcme() + "integrations/1/", R"({"action":"link","externalIssue":"OPS-1"})", token);
  }
  EXPECT_EQ(snapshot(), before) << "beta's issue and its activities are unchanged";
  const std::string activities = host.get(betaPath() + "activities/").body;
  EXPECT_NE(activities.find("beta only"), std::string::npos) << activities;
  EXPECT_EQ(activities.find("rewritten"), std::string::npos) << activities;
  EXPECT_EQ(activities.find("from acme"), std::string::npos) << activities;
}

}  // namespace
}  // namespace ih::test
