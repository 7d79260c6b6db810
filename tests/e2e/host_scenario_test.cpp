// The host as a real process, driven over real HTTP through the directory
// and issue API: organizations, users with secondary emails, tokens, roles,
// teams, projects, releases, issues, assignment, status, activities,
// comments, and the error statuses of the contract (400/401/403/404/413).
#include <gtest/gtest.h>

#include <filesystem>

#include "host_process.h"
#include "support/json_helpers.h"
#include "support/temp_dir.h"

namespace ih::e2e {
namespace {

constexpr const char* kAdmin = "e2e-admin-token";

class HostScenarioTest : public ::testing::Test {
 protected:
  void SetUp() override {
    launch.dataDir = dataDir.path() + "/data";
    launch.pluginsDir = pluginsDir.path();
    launch.adminToken = kAdmin;
    host = std::make_unique<HostProcess>(launch);
  }
  void TearDown() override {
    if (HasFailure()) std::cerr << "host stderr:\n" << host->process().stderrText();
  }

  std::string create(const std::string& path, const std::string& body) {
    Reply r = host->post(path, body, kAdmin);
    EXPECT_EQ(r.status, 201) << path << " -> " << r.describe();
    return r.str("id");
  }
  std::string token(const std::string& userId) {
    Reply r = host->post("/api/0/users/" + userId + "/tokens/", "", kAdmin);
    EXPECT_EQ(r.status, 201) << r.describe();
    return r.str("token");
  }

  ih::testing::TempDir dataDir, pluginsDir;
  HostLaunch launch;
  std::unique_ptr<HostProcess> host;
};

TEST_F(HostScenarioTest, DirectoryIssuesAndErrorsOverRealHttp) {
  // --- directory ---------------------------------------------------------------
  create("/api/0/organizations/", R"({"slug":"acme","name":"Acme"})");
  create("/api/0/organizations/", R"({"slug":"other","name":"Other"})");
  const std::string owner = create("/api/0/users/", R"({"email":"owner@acme.test","name":"Olive Owner"})");
  const std::string member = create(
      "/api/0/users/", R"({"email":"mia@acme.test","name":"Mia Member","emails":[)"
                       R"({"email":"mia@home.test","verified":true},{"email":"mia@old.test","verified":false}]})");
  const std::string outsider = create("/api/0/users/", R"({"email":"out@other.test","name":"Otto"})");
  const std::string ownerToken = token(owner), memberToken = token(member), outsiderToken = token(outsider);
  EXPECT_EQ(host->post("/api/0/organizations/acme/members/", R"({"userId":")" + owner + R"(","role":"owner"})", kAdmin).status, 201);
  EXPECT_EQ(host->post("/api/0/organizations/acme/members/", R"({"userId":)" + member + R"(,"role":"member"})", ownerToken).status,
            201);
  EXPECT_EQ(host->post("/api/0/organizations/other/members/", R"({"userId":")" + outsider + R"(","role":"owner"})", kAdmin).status,
            201);
  create("/api/0/organizations/acme/teams/", R"({"slug":"core"})");
  EXPECT_EQ(host->post("/api/0/organizations/acme/teams/core/members/", R"({"userId":")" + member + R"("})", ownerToken).status,
            201);
  create("/api/0/organizations/acme/projects/", R"({"slug":"web","teams":["core"]})");
  create("/api/0/organizations/acme/releases/", R"({"version":"1.0.0","projects":["web"]})");

  // --- issues ----------------------------------------------------------------------
  Reply created = host->post("/api/0/projects/acme/web/issues/", R"({"title":"Disk full"})", memberToken);
  ASSERT_EQ(created.status, 201) << created.describe();
  const std::string issue = "/api/0/organizations/acme/issues/" + created.str("id") + "/";
  EXPECT_EQ(created.str("status"), "unresolved");
  EXPECT_TRUE(created.json["assignedTo"].IsNull());

  Reply byEmail = host->put(issue, R"({"assignedTo":"owner@acme.test"})", memberToken);
  ASSERT_EQ(byEmail.status, 200) << byEmail.describe();
  EXPECT_EQ(ih::testing::jsonString(byEmail.json, "/assignedTo/id"), owner);
  EXPECT_EQ(ih::testing::jsonString(byEmail.json, "/assignedTo/type"), "user");
  Reply bySecondary = host->put(issue, R"({"assignedTo":"mia@home.test"})", memberToken);
  ASSERT_EQ(bySecondary.status, 200) << bySecondary.describe();
  EXPECT_EQ(ih::testing::jsonString(bySecondary.json, "/assignedTo/id"), member);
  Reply unverified = host->put(issue, R"({"assignedTo":"mia@old.test"})", memberToken);
  EXPECT_EQ(unverified.status, 400);
  EXPECT_TRUE(unverified.json["assignedTo"].IsArray()) << unverified.body;
  Reply byId = host->put(issue, R"({"assignedTo":"user:)" + owner + R"("})", memberToken);
  EXPECT_EQ(ih::testing::jsonString(byId.json, "/assignedTo/id"), owner);
  Reply unassigned = host->put(issue, R"({"assignedTo":null})", memberToken);
  EXPECT_TRUE(unassigned.json["assignedTo"].IsNull());
  EXPECT_EQ(host->put(issue, R"({"status":"resolved"})", memberToken).str("status"), "resolved");
  EXPECT_EQ(host->put(issue, R"({"status":"unresolved"})", memberToken).str("status"), "unresolved");

  Reply comment = host->post(issue + "comments/", R"({"text":"Looking into it"})", memberToken);
  ASSERT_EQ(comment.status, 201) << comment.describe();
  EXPECT_EQ(comment.str("text"), "Looking into it");
  Reply edited = host->put(issue + "comments/" + comment.str("id") + "/", R"({"text":"Fixed"})", memberToken);
  EXPECT_EQ(edited.status, 200);
  EXPECT_EQ(edited.str("text"), "Fixed");

  Reply activities = host->get(issue + "activities/", memberToken);
  ASSERT_EQ(activities.status, 200);
  std::vector<std::string> types;
  for (const auto& a : activities.json.GetArray()) types.push_back(ih::testing::jsonString(a, "/type"));
  const std::vector<std::string> expected = {"note",         "set_unresolved", "set_resolved", "unassigned",
                                             "assigned",     "assigned",       "assigned"};
  ASSERT_GE(types.size(), expected.size()) << activities.body;
  EXPECT_EQ(std::vector<std::string>(types.begin(), types.begin() + expected.size()), expected) << activities.body;
  EXPECT_EQ(host->get(issue + "external-issues/", memberToken).body, "[]");

  // --- errors ----------------------------------------------------------------------
  Reply noToken = host->get(issue, "");
  EXPECT_EQ(noToken.status, 401);
  EXPECT_EQ(noToken.headers["www-authenticate"], "Bearer");
  EXPECT_EQ(host->get(issue, "not-a-token").status, 401);
  EXPECT_EQ(host->get(issue, outsiderToken).status, 403);
  EXPECT_EQ(host->post("/api/0/organizations/acme/teams/", R"({"slug":"t2"})", memberToken).status, 403);
  EXPECT_EQ(host->post("/api/0/organizations/", R"({"slug":"x","name":"X"})", ownerToken).status, 403);
  EXPECT_EQ(host->get("/api/0/organizations/acme/issues/987654/", memberToken).status, 404);
  Reply tooLarge = host->post(issue + "comments/", R"({"text":")" + std::string(2 * 1024 * 1024, 'x') + R"("})", memberToken);
  EXPECT_EQ(tooLarge.status, 413);
  EXPECT_EQ(tooLarge.str("detail"), "Request body too large");
  Reply invalid = host->post("/api/0/organizations/", R"({"name":"No slug"})", kAdmin);
  EXPECT_EQ(invalid.status, 400);
  EXPECT_TRUE(invalid.json["slug"].IsArray()) << invalid.body;
  EXPECT_EQ(host->post("/api/0/organizations/", "{oops", kAdmin).str("detail"), "Malformed JSON body");

  // --- operations ----------------------------------------------------------------
  Reply health = host->get("/healthz", "");
  EXPECT_EQ(health.status, 200);
  EXPECT_EQ(health.body, R"({"status":"ok"})");
  Reply metrics = host->get("/metrics", "");
  EXPECT_EQ(metrics.status, 200);
  EXPECT_EQ(metrics.headers["content-type"].rfind("text/plain; version=0.0.4", 0), 0u);
  EXPECT_NE(metrics.body.find("ih_http_requests_total{"), std::string::npos);
  EXPECT_NE(metrics.body.find("status=\"413\""), std::string::npos);

  EXPECT_EQ(host->process().stop(), 0);
  // The access log names route patterns and never a token.
  const std::string log = host->process().stderrText();
  EXPECT_NE(log.find("/api/0/organizations/{org}/issues/{id}/"), std::string::npos);
  EXPECT_EQ(log.find(memberToken), std::string::npos);
  EXPECT_EQ(log.find(kAdmin), std::string::npos);
}

}  // namespace
}  // namespace ih::e2e
