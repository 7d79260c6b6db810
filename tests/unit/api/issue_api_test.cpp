// Issue endpoints over HTTP: create, read, assign (email, verified secondary
// email, user:<id>, unassign), resolve/unresolve, activities, comments,
// external issues, and their error shapes.
#include <gtest/gtest.h>

#include "api_test_host.h"

namespace ih::test {
namespace {

class IssueApiTest : public ::testing::Test {
 protected:
  void SetUp() override {
    acme = host.seedAcme();
    issuePath = "/api/0/organizations/acme/issues/" + acme.issueId + "/";
  }
  ApiReply update(const std::string& body, const std::string& token) { return host.put(issuePath, body, token); }

  ApiTestHost host;
  ApiTestHost::Acme acme;
  std::string issuePath;
};

TEST_F(IssueApiTest, CreatesAndReadsIssues) {
  ApiReply issue = host.get(issuePath, acme.memberToken);
  ASSERT_EQ(issue.status, 200) << issue.describe();
  EXPECT_EQ(issue.str("id"), acme.issueId);
  EXPECT_EQ(issue.str("title"), "Disk full");
  EXPECT_EQ(issue.str("status"), "unresolved");
  EXPECT_EQ(issue.str("shortId"), "WEB-1");
  EXPECT_EQ(ihp::sdk::json::stringOr(issue.json["project"], "slug"), "web");
  EXPECT_TRUE(issue.json["assignedTo"].IsNull());

  ApiReply created = host.post("/api/0/projects/acme/web/issues/", R"({"title":"Second"})", acme.memberToken);
  EXPECT_EQ(created.status, 201);
  EXPECT_EQ(created.str("shortId"), "WEB-2");
  EXPECT_EQ(host.post("/api/0/projects/acme/nope/issues/", R"({"title":"x"})", acme.memberToken).status, 404);
  EXPECT_EQ(host.post("/api/0/projects/acme/web/issues/", R"({})", acme.memberToken).status, 400);
  EXPECT_EQ(host.get("/api/0/organizations/acme/issues/999999/", acme.memberToken).status, 404);
  EXPECT_EQ(host.get("/api/0/organizations/acme/issues/not-a-number/", acme.memberToken).status, 404);
}

TEST_F(IssueApiTest, AssignsByEmailByIdAndUnassigns) {
  ApiReply byEmail = update(R"({"assignedTo":"OWNER@acme.test"})", acme.memberToken);
  ASSERT_EQ(byEmail.status, 200) << byEmail.describe();
  const auto& assignee = byEmail.json["assignedTo"];
  EXPECT_EQ(ihp::sdk::json::stringOr(assignee, "type"), "user");
  EXPECT_EQ(ihp::sdk::json::stringOr(assignee, "id"), acme.ownerId);
  EXPECT_EQ(ihp::sdk::json::stringOr(assignee, "email"), "owner@acme.test");

  ApiReply byId = update(R"({"assignedTo":"user:)" + acme.memberId + R"("})", acme.memberToken);
  ASSERT_EQ(byId.status, 200) << byId.describe();
  EXPECT_EQ(ihp::sdk::json::stringOr(byId.json["assignedTo"], "id"), acme.memberId);

  ApiReply cleared = update(R"({"assignedTo":null})", acme.memberToken);
  ASSERT_EQ(cleared.status, 200);
  EXPECT_TRUE(cleared.json["assignedTo"].IsNull());
}

TEST_F(IssueApiTest, AssignsByVerifiedSecondaryEmailOnly) {
  const std::string user = host.createUser(
      "dev@acme.test", R"([{"email":"dev@home.test","verified":true},{"email":"dev@old.test","verified":false}])");
  host.addMember("acme", user, "member");
  ApiReply verified = update(R"({"assignedTo":"dev@home.test"})", acme.memberToken);
  ASSERT_EQ(verified.status, 200) << verified.describe();
  EXPECT_EQ(ihp::sdk::json::stringOr(verified.json["assignedTo"], "id"), user);

  ApiReply unverified = update(R"({"assignedTo":"dev@old.test"})", acme.memberToken);
  EXPECT_EQ(unverified.status, 400);
  EXPECT_TRUE(unverified.json["assignedTo"].IsArray()) << unverified.body;
}

TEST_F(IssueApiTest, RefusesAssigneesOutsideTheOrganization) {
  const std::string stranger = host.createUser("stranger@else.test");
  EXPECT_EQ(update(R"({"assignedTo":"stranger@else.test"})", acme.memberToken).status, 400);
  EXPECT_EQ(update(R"({"assignedTo":"user:)" + stranger + R"("})", acme.memberToken).status, 400);
  EXPECT_EQ(update(R"({"assignedTo":"user:abc"})", acme.memberToken).status, 400);
  EXPECT_EQ(update(R"({"assignedTo":42})", acme.memberToken).status, 400);
  ApiReply nobody = update(R"({"assignedTo":"nobody@acme.test"})", acme.memberToken);
  EXPECT_EQ(nobody.status, 400);
  EXPECT_TRUE(nobody.json.HasMember("assignedTo"));
}

TEST_F(IssueApiTest, ResolvesAndUnresolves) {
  ApiReply resolved = update(R"({"status":"resolved"})", acme.memberToken);
  ASSERT_EQ(resolved.status, 200) << resolved.describe();
  EXPECT_EQ(resolved.str("status"), "resolved");
  EXPECT_EQ(update(R"({"status":"unresolved"})", acme.memberToken).str("status"), "unresolved");
  ApiReply bad = update(R"({"status":"ignored"})", acme.memberToken);
  EXPECT_EQ(bad.status, 400);
  EXPECT_TRUE(bad.json.HasMember("status"));
}

TEST_F(IssueApiTest, AnInvalidFieldChangesNothing) {
  EXPECT_EQ(update(R"({"assignedTo":"user:)" + acme.ownerId + R"(","status":"bogus"})", acme.memberToken).status, 400);
  EXPECT_TRUE(host.get(issuePath, acme.memberToken).json["assignedTo"].IsNull());
}

TEST_F(IssueApiTest, ActivitiesAreNewestFirst) {
  update(R"({"assignedTo":"owner@acme.test"})", acme.memberToken);
  update(R"({"status":"resolved"})", acme.memberToken);
  update(R"({"status":"unresolved"})", acme.memberToken);
  update(R"({"assignedTo":null})", acme.memberToken);
  host.post(issuePath + "comments/", R"({"text":"hello"})", acme.memberToken);
  ApiReply list = host.get(issuePath + "activities/", acme.memberToken);
  ASSERT_EQ(list.status, 200) << list.describe();
  ASSERT_TRUE(list.json.IsArray());
  std::vector<std::string> types;
  for (const auto& a : list.json.GetArray()) {
    types.push_back(ihp::sdk::json::stringOr(a, "type"));
    EXPECT_TRUE(a["id"].IsString());
    EXPECT_TRUE(a["data"].IsObject());
    EXPECT_EQ(ihp::sdk::json::stringOr(a, "dateCreated").back(), 'Z');
  }
  const std::vector<std::string> expected = {"note", "unassigned", "set_unresolved", "set_resolved", "assigned"};
  ASSERT_GE(types.size(), expected.size());
  EXPECT_EQ(std::vector<std::string>(types.begin(), types.begin() + 5), expected);
}

// A comment's activity repeats its text, so the list comes in pages of 200,
// newest first, and ?cursor=<the last id shown> gives the next one.
TEST_F(IssueApiTest, ActivitiesComeInPagesOf200) {
  for (int i = 0; i < 205; ++i)
    host.post(issuePath + "comments/", R"({"text":"c)" + std::to_string(i) + "\"}", acme.memberToken);
  ApiReply first = host.get(issuePath + "activities/", acme.memberToken);
  ASSERT_EQ(first.status, 200) << first.describe();
  ASSERT_EQ(first.json.Size(), 200u);
  const std::string last = ihp::sdk::json::stringOr(first.json[199], "id");
  ApiReply next = host.get(issuePath + "activities/?cursor=" + last, acme.memberToken);
  ASSERT_EQ(next.status, 200) << next.describe();
  ASSERT_GE(next.json.Size(), 5u);
  EXPECT_LT(std::stoll(ihp::sdk::json::stringOr(next.json[0], "id")), std::stoll(last));
  EXPECT_EQ(host.get(issuePath + "activities/?cursor=5abc", acme.memberToken).status, 400);
}

TEST_F(IssueApiTest, CommentsAreCreatedAndEdited) {
  ApiReply comment = host.post(issuePath + "comments/", R"({"text":"first"})", acme.memberToken);
  ASSERT_EQ(comment.status, 201) << comment.describe();
  EXPECT_EQ(comment.str("text"), "first");
  const std::string id = comment.str("id");
  ApiReply edited = host.put(issuePath + "comments/" + id + "/", R"({"text":"second"})", acme.memberToken);
  ASSERT_EQ(edited.status, 200) << edited.describe();
  EXPECT_EQ(edited.str("text"), "second");
  EXPECT_EQ(host.post(issuePath + "comments/", R"({"text":""})", acme.memberToken).status, 400);
}

// Another member (the org's owner included) may not rewrite someone's comment:
// the edit would reach Jira under the author's name. The superuser may.
TEST_F(IssueApiTest, OnlyTheAuthorOrTheSuperuserEditsAComment) {
  const std::string id = host.post(issuePath + "comments/", R"({"text":"mine"})", acme.memberToken).str("id");
  ApiReply byOwner = host.put(issuePath + "comments/" + id + "/", R"({"text":"rewritten"})", acme.ownerToken);
  EXPECT_EQ(byOwner.status, 403) << byOwner.describe();
  EXPECT_EQ(byOwner.str("detail"), "Only the comment's author may edit it.");
  ApiReply notes = host.get(issuePath + "activities/", acme.memberToken);
  ASSERT_EQ(notes.status, 200);
  EXPECT_EQ(ihp::sdk::json::stringOr(notes.json[0]["data"], "text"), "mine");
  EXPECT_EQ(host.put(issuePath + "comments/" + id + "/", R"({"text":"moderated"})").status, 200);
}

TEST_F(IssueApiTest, ExternalIssuesStartEmpty) {
  ApiReply list = host.get(issuePath + "external-issues/", acme.memberToken);
  ASSERT_EQ(list.status, 200);
  EXPECT_TRUE(list.json.IsArray());
  EXPECT_EQ(list.json.Size(), 0u);
}

}  // namespace
}  // namespace ih::test
