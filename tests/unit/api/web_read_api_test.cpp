// The read endpoints the web app needs (organizations, one organization,
// members, projects, the issue list) and their tenancy; and the app served
// beside the API: it never shadows /api/ or /extensions/, and the browser
// callback lands in it.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "api_test_host.h"
#include "support/temp_dir.h"

namespace ih::test {
namespace {

using ihp::sdk::json::stringOr;

class WebReadApiTest : public ::testing::Test {
 protected:
  void SetUp() override {
    acme = host.seedAcme();
    host.createOrganization("beta");
    outsiderId = host.createUser("outsider@beta.test");
    outsiderToken = host.tokenFor(outsiderId);
    host.addMember("beta", outsiderId, "owner");
  }

  ApiTestHost host;
  ApiTestHost::Acme acme;
  std::string outsiderId, outsiderToken;
};

TEST_F(WebReadApiTest, UsersListTheirOwnOrganizationsWithTheirRole) {
  ApiReply mine = host.get("/api/0/organizations/", acme.memberToken);
  ASSERT_EQ(mine.status, 200) << mine.describe();
  ASSERT_EQ(mine.json.Size(), 1u);
  EXPECT_EQ(stringOr(mine.json[0], "slug"), "acme");
  EXPECT_EQ(stringOr(mine.json[0], "role"), "member");
  ApiReply theirs = host.get("/api/0/organizations/", outsiderToken);
  ASSERT_EQ(theirs.json.Size(), 1u);
  EXPECT_EQ(stringOr(theirs.json[0], "slug"), "beta");
  EXPECT_EQ(stringOr(theirs.json[0], "role"), "owner");
  ApiReply all = host.get("/api/0/organizations/");
  ASSERT_EQ(all.json.Size(), 2u) << "the superuser sees every organization";
  EXPECT_TRUE(all.json[0]["role"].IsNull());
  EXPECT_EQ(host.get("/api/0/organizations/", "nope").status, 401);
}

TEST_F(WebReadApiTest, OneOrganizationWithTheCallersRole) {
  ApiReply owner = host.get("/api/0/organizations/acme/", acme.ownerToken);
  ASSERT_EQ(owner.status, 200) << owner.describe();
  EXPECT_EQ(owner.str("name"), "acme Inc");
  EXPECT_EQ(owner.str("role"), "owner");
  EXPECT_EQ(host.get("/api/0/organizations/acme/", acme.memberToken).str("role"), "member");
  EXPECT_EQ(host.get("/api/0/organizations/acme/", outsiderToken).status, 403);
  EXPECT_EQ(host.get("/api/0/organizations/nowhere/", outsiderToken).status, 403) << "no slug enumeration";
  EXPECT_EQ(host.get("/api/0/organizations/nowhere/").status, 404);
}

TEST_F(WebReadApiTest, MembersAndProjectsStayInsideTheOrganization) {
  ApiReply members = host.get("/api/0/organizations/acme/members/", acme.memberToken);
  ASSERT_EQ(members.status, 200) << members.describe();
  ASSERT_EQ(members.json.Size(), 2u);
  EXPECT_EQ(stringOr(members.json[0], "role"), "owner") << "owners first";
  EXPECT_EQ(stringOr(members.json[0], "email"), "owner@acme.test");
  EXPECT_EQ(stringOr(members.json[1], "userId"), acme.memberId);
  for (const auto& m : members.json.GetArray()) EXPECT_NE(stringOr(m, "email"), "outsider@beta.test");

  ApiReply projects = host.get("/api/0/organizations/acme/projects/", acme.memberToken);
  ASSERT_EQ(projects.status, 200);
  ASSERT_EQ(projects.json.Size(), 1u);
  EXPECT_EQ(stringOr(projects.json[0], "slug"), "web");

  for (const char* path : {"/api/0/organizations/acme/members/", "/api/0/organizations/acme/projects/",
                           "/api/0/organizations/acme/issues/"}) {
    EXPECT_EQ(host.get(path, outsiderToken).status, 403) << path;
  }
}

TEST_F(WebReadApiTest, TheIssueListFiltersByStatusAndTitle) {
  const std::string second = host.createIssue("acme", "web", "Fan 100% loud_ish");
  ASSERT_EQ(host.put("/api/0/organizations/acme/issues/" + second + "/", R"({"status":"resolved"})").status, 200);
  host.createOrganization("gamma");

  ApiReply all = host.get("/api/0/organizations/acme/issues/", acme.memberToken);
  ASSERT_EQ(all.status, 200) << all.describe();
  ASSERT_EQ(all.json.Size(), 2u);
  EXPECT_EQ(stringOr(all.json[0], "id"), second) << "newest first";
  EXPECT_EQ(stringOr(all.json[0], "shortId"), "WEB-2");

  ApiReply resolved = host.get("/api/0/organizations/acme/issues/?status=resolved", acme.memberToken);
  ASSERT_EQ(resolved.json.Size(), 1u);
  EXPECT_EQ(stringOr(resolved.json[0], "id"), second);
  ApiReply byTitle = host.get("/api/0/organizations/acme/issues/?query=DISK", acme.memberToken);
  ASSERT_EQ(byTitle.json.Size(), 1u);
  EXPECT_EQ(stringOr(byTitle.json[0], "id"), acme.issueId);
  // LIKE's wildcards are matched literally.
  EXPECT_EQ(host.get("/api/0/organizations/acme/issues/?query=100%25", acme.memberToken).json.Size(), 1u);
  EXPECT_EQ(host.get("/api/0/organizations/acme/issues/?query=%25", acme.memberToken).json.Size(), 1u);
  EXPECT_EQ(host.get("/api/0/organizations/acme/issues/?query=d_sk", acme.memberToken).json.Size(), 0u);
  EXPECT_EQ(host.get("/api/0/organizations/acme/issues/?status=open", acme.memberToken).status, 400);
  EXPECT_EQ(host.get("/api/0/organizations/gamma/issues/").json.Size(), 0u);
}

class WebAppServedTest : public ::testing::Test {
 protected:
  static ApiTestHostOptions options(const std::string& webDir) {
    ApiTestHostOptions o;
    o.webDir = webDir;
    return o;
  }
  static std::string makeSite(const ih::testing::TempDir& dir) {
    dir.write("index.html", "<!DOCTYPE html><title>the app</title>");
    dir.write("app.css", "body{}");
    return dir.path();
  }

  ih::testing::TempDir dir;
  ApiTestHost host{options(makeSite(dir))};
};

TEST_F(WebAppServedTest, TheAppNeverShadowsTheApiOrPlugins) {
  ApiReply page = host.call("GET", "/organizations/acme/issues/1/", nullptr);
  EXPECT_EQ(page.status, 200);
  EXPECT_EQ(page.contentType, "text/html; charset=utf-8");
  EXPECT_NE(page.body.find("the app"), std::string::npos);
  EXPECT_EQ(host.call("GET", "/app.css", nullptr).contentType, "text/css; charset=utf-8");

  ApiReply unknownApi = host.call("GET", "/api/0/no-such-thing/", nullptr);
  EXPECT_EQ(unknownApi.status, 404);
  EXPECT_EQ(unknownApi.contentType, "application/json");
  EXPECT_EQ(host.call("GET", "/extensions/nothing/here/", nullptr).status, 404);
  EXPECT_EQ(host.call("GET", "/api/0/organizations/", nullptr).status, 401) << "the API still answers itself";
  EXPECT_EQ(host.call("GET", "/healthz", nullptr).body, R"({"status":"ok"})");
  EXPECT_EQ(host.call("POST", "/organizations/", nullptr).status, 404);
}

TEST_F(WebAppServedTest, TheBrowserCallbackLandsInTheApp) {
  host.seedAcme();
  host.enablePlugin("acme", "api_test");
  ApiReply started =
      host.post("/api/0/organizations/acme/pipeline/integration/", R"({"action":"initialize","provider":"api_test"})");
  const std::string pipeline = started.str("pipelineId");
  ASSERT_EQ(host.post("/api/0/organizations/acme/pipeline/integration/" + pipeline + "/",
                      R"({"url":"https://cb.test","ref":"abc"})")
                .status,
            200);
  ApiReply done = host.call("GET", "/extensions/api-test/setup/?code=ref-abc", nullptr);
  EXPECT_EQ(done.status, 303) << done.describe();
  const std::string id = stringOr(host.get("/api/0/organizations/acme/integrations/").json[0], "id");
  EXPECT_EQ(done.headers["location"], "/organizations/acme/integrations/" + id + "/installed/");

  // Failures keep their status and link back into the app.
  ApiReply invalid = host.call("GET", "/extensions/api-test/setup/?code=ref-abc", nullptr);
  EXPECT_EQ(invalid.status, 400);
  EXPECT_NE(invalid.body.find("/app.css"), std::string::npos);
  EXPECT_NE(invalid.body.find("role=\"alert\""), std::string::npos);
  EXPECT_NE(invalid.body.find("href=\"/\""), std::string::npos);
}

}  // namespace
}  // namespace ih::test
