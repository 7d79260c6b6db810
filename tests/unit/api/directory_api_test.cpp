// Directory endpoints over HTTP: organizations, users, tokens, members,
// teams, projects, releases; authentication (401) and authorization (403/404).
#include <gtest/gtest.h>

#include "api_test_host.h"

namespace ih::test {
namespace {

class DirectoryApiTest : public ::testing::Test {
 protected:
  ApiTestHost host;
};

TEST_F(DirectoryApiTest, TheSuperuserBuildsAnOrganization) {
  ApiReply org = host.post("/api/0/organizations/", R"({"slug":"acme","name":"Acme"})");
  ASSERT_EQ(org.status, 201) << org.describe();
  EXPECT_TRUE(org.json["id"].IsString());
  EXPECT_EQ(org.str("slug"), "acme");
  EXPECT_EQ(org.str("name"), "Acme");
  EXPECT_EQ(org.contentType, "application/json");

  ApiReply user = host.post("/api/0/users/", R"({"email":"ann@acme.test","name":"Ann"})");
  ASSERT_EQ(user.status, 201) << user.describe();
  EXPECT_EQ(user.str("email"), "ann@acme.test");
  EXPECT_EQ(user.str("name"), "Ann");
  const std::string userId = user.str("id");

  ApiReply token = host.post("/api/0/users/" + userId + "/tokens/", "");
  ASSERT_EQ(token.status, 201);
  EXPECT_GE(token.str("token").size(), 32u);

  // Ids are accepted as numbers as well as strings.
  ApiReply member = host.post("/api/0/organizations/acme/members/", R"({"userId":)" + userId + R"(,"role":"owner"})");
  ASSERT_EQ(member.status, 201) << member.describe();
  EXPECT_EQ(member.str("role"), "owner");

  ApiReply team = host.post("/api/0/organizations/acme/teams/", R"({"slug":"core"})");
  ASSERT_EQ(team.status, 201) << team.describe();
  EXPECT_EQ(team.str("slug"), "core");
  EXPECT_EQ(host.post("/api/0/organizations/acme/teams/core/members/", R"({"userId":")" + userId + R"("})").status, 201);

  ApiReply project = host.post("/api/0/organizations/acme/projects/", R"({"slug":"web","teams":["core"]})");
  ASSERT_EQ(project.status, 201) << project.describe();
  EXPECT_EQ(project.str("slug"), "web");

  ApiReply release = host.post("/api/0/organizations/acme/releases/", R"({"version":"1.0.0","projects":["web"]})");
  ASSERT_EQ(release.status, 201) << release.describe();
  EXPECT_EQ(release.str("version"), "1.0.0");
}

// A "verified" that is not a boolean is refused rather than read as false,
// which would leave the address silently unable to match anyone.
TEST_F(DirectoryApiTest, AnEmailsVerifiedFlagMustBeABoolean) {
  const std::string withFlag =
      R"({"email":"ann@acme.test","name":"Ann","emails":[{"email":"alt@acme.test","verified":)";
  for (const char* bad : {R"("yes")", "1", "{}"}) {
    ApiReply refused = host.post("/api/0/users/", withFlag + bad + "}]}");
    EXPECT_EQ(refused.status, 400) << bad;
    EXPECT_NE(refused.describe().find("verified"), std::string::npos) << refused.describe();
  }
  // Nothing was stored: the same user can still be created.
  ApiReply created = host.post("/api/0/users/", withFlag + "true}]}");
  EXPECT_EQ(created.status, 201) << created.describe();
}

TEST_F(DirectoryApiTest, MissingOrBadTokensAre401WithAChallenge) {
  ApiReply missing = host.call("GET", "/api/0/plugins/", nullptr);
  EXPECT_EQ(missing.status, 401);
  EXPECT_TRUE(missing.json.HasMember("detail"));
  EXPECT_EQ(missing.headers["www-authenticate"], "Bearer");
  EXPECT_EQ(host.get("/api/0/plugins/", "wrong-token").status, 401);
  EXPECT_EQ(host.call("GET", "/api/0/plugins/", nullptr, "", {{"Authorization", "Basic abc"}}).status, 401);
}

TEST_F(DirectoryApiTest, OnlyTheSuperuserCreatesOrganizationsUsersAndTokens) {
  auto acme = host.seedAcme();
  EXPECT_EQ(host.post("/api/0/organizations/", R"({"slug":"x","name":"X"})", acme.ownerToken).status, 403);
  EXPECT_EQ(host.post("/api/0/users/", R"({"email":"x@x.test"})", acme.ownerToken).status, 403);
  EXPECT_EQ(host.post("/api/0/users/" + acme.memberId + "/tokens/", "", acme.ownerToken).status, 403);
}

TEST_F(DirectoryApiTest, MembersCannotManageAndOutsidersCannotSeeTheOrg) {
  auto acme = host.seedAcme();
  const std::string outsider = host.createUser("out@other.test");
  const std::string outsiderToken = host.tokenFor(outsider);
  host.createOrganization("other");
  host.addMember("other", outsider, "owner");

  EXPECT_EQ(host.post("/api/0/organizations/acme/teams/", R"({"slug":"t2"})", acme.memberToken).status, 403);
  EXPECT_EQ(host.post("/api/0/organizations/acme/projects/", R"({"slug":"p2"})", acme.memberToken).status, 403);
  EXPECT_EQ(host.post("/api/0/organizations/acme/members/", R"({"userId":")" + outsider + R"("})", acme.memberToken).status,
            403);
  EXPECT_EQ(host.post("/api/0/organizations/acme/releases/", R"({"version":"2"})", acme.memberToken).status, 403);
  // Owners can.
  EXPECT_EQ(host.post("/api/0/organizations/acme/teams/", R"({"slug":"t2"})", acme.ownerToken).status, 201);

  // An owner of another org is a stranger here; unknown orgs look the same to it.
  EXPECT_EQ(host.get("/api/0/organizations/acme/issues/" + acme.issueId + "/", outsiderToken).status, 403);
  EXPECT_EQ(host.get("/api/0/organizations/nope/issues/1/", outsiderToken).status, 403);
  // Only the superuser learns that an org does not exist.
  EXPECT_EQ(host.get("/api/0/organizations/nope/issues/1/").status, 404);
}

TEST_F(DirectoryApiTest, ValidationErrorsNameTheField) {
  ApiReply noSlug = host.post("/api/0/organizations/", R"({"name":"Acme"})");
  EXPECT_EQ(noSlug.status, 400);
  ASSERT_TRUE(noSlug.json.HasMember("slug")) << noSlug.body;
  EXPECT_TRUE(noSlug.json["slug"].IsArray());

  host.createOrganization("acme");
  const std::string user = host.createUser("u@acme.test");
  ApiReply badRole = host.post("/api/0/organizations/acme/members/", R"({"userId":")" + user + R"(","role":"king"})");
  EXPECT_EQ(badRole.status, 400);
  EXPECT_TRUE(badRole.json.HasMember("role")) << badRole.body;
  ApiReply unknownUser = host.post("/api/0/organizations/acme/members/", R"({"userId":"999999"})");
  EXPECT_EQ(unknownUser.status, 400);
  EXPECT_TRUE(unknownUser.json.HasMember("userId")) << unknownUser.body;

  ApiReply malformed = host.post("/api/0/organizations/", "{not json");
  EXPECT_EQ(malformed.status, 400);
  EXPECT_EQ(malformed.str("detail"), "Malformed JSON body");
  EXPECT_EQ(host.post("/api/0/organizations/", "[1,2]").status, 400);
  EXPECT_EQ(host.post("/api/0/users/424242/tokens/", "").status, 404);
}

TEST_F(DirectoryApiTest, OversizedBodiesAre413) {
  ApiReply r = host.post("/api/0/organizations/", "{\"slug\":\"" + std::string(70 * 1024, 'a') + "\"}");
  EXPECT_EQ(r.status, 413);
  EXPECT_EQ(r.str("detail"), "Request body too large");
}

TEST_F(DirectoryApiTest, HealthAndMetricsNeedNoToken) {
  ApiReply health = host.call("GET", "/healthz", nullptr);
  EXPECT_EQ(health.status, 200);
  EXPECT_EQ(health.body, R"({"status":"ok"})");
  host.get("/api/0/plugins/");
  ApiReply metrics = host.call("GET", "/metrics", nullptr);
  EXPECT_EQ(metrics.status, 200);
  EXPECT_EQ(metrics.contentType.rfind("text/plain; version=0.0.4", 0), 0u) << metrics.contentType;
  EXPECT_NE(metrics.body.find("ih_http_requests_total{"), std::string::npos);
  EXPECT_NE(metrics.body.find("route=\"/api/0/plugins/\""), std::string::npos);
}

}  // namespace
}  // namespace ih::test
