// Plugin endpoints over HTTP: the plugin list, per-org enablement, and the
// dispatch of plugin-served routes (auth, enablement, commit/rollback of the
// plugin's writes, reply headers).
#include <gtest/gtest.h>

#include "api_test_host.h"
#include "ihp/plugin_abi.h"
#include "jobs/job_queue.h"

namespace ih::test {
namespace {

class PluginApiTest : public ::testing::Test {
 protected:
  void SetUp() override { acme = host.seedAcme(); }
  size_t hookJobs() {
    size_t n = 0;
    for (const auto& job : host.core().jobs().list({})) n += job.kind == "hook" ? 1 : 0;
    return n;
  }

  ApiTestHost host;
  ApiTestHost::Acme acme;
};

TEST_F(PluginApiTest, ListsLoadedPlugins) {
  ApiReply list = host.get("/api/0/plugins/", acme.memberToken);
  ASSERT_EQ(list.status, 200) << list.describe();
  ASSERT_EQ(list.json.Size(), 1u) << list.body;
  const auto& p = list.json[0];
  EXPECT_EQ(ihp::sdk::json::stringOr(p, "key"), "api_test");
  EXPECT_EQ(ihp::sdk::json::stringOr(p, "name"), "API Test");
  EXPECT_EQ(ihp::sdk::json::stringOr(p, "version"), "1.2.3");
  // negotiated: the test plugin is built against this header
  EXPECT_EQ(ihp::sdk::json::stringOr(p, "abiVersion"), std::to_string(IHP_ABI_MAJOR) + "." + std::to_string(IHP_ABI_MINOR));
  ASSERT_TRUE(p["features"].IsArray());
  EXPECT_STREQ(p["features"][0].GetString(), "issue-basic");
}

TEST_F(PluginApiTest, PluginsStartDisabledAndOwnersEnableThem) {
  ApiReply before = host.get("/api/0/organizations/acme/plugins/", acme.memberToken);
  ASSERT_EQ(before.status, 200);
  EXPECT_EQ(before.body, R"([{"key":"api_test","enabled":false}])");

  EXPECT_EQ(host.put("/api/0/organizations/acme/plugins/api_test/", R"({"enabled":true})", acme.memberToken).status, 403);
  ApiReply enabled = host.put("/api/0/organizations/acme/plugins/api_test/", R"({"enabled":true})", acme.ownerToken);
  ASSERT_EQ(enabled.status, 200) << enabled.describe();
  EXPECT_EQ(enabled.body, R"({"key":"api_test","enabled":true})");
  EXPECT_EQ(host.get("/api/0/organizations/acme/plugins/", acme.memberToken).body, R"([{"key":"api_test","enabled":true}])");

  EXPECT_EQ(host.put("/api/0/organizations/acme/plugins/nope/", R"({"enabled":true})", acme.ownerToken).status, 404);
  EXPECT_EQ(host.put("/api/0/organizations/acme/plugins/api_test/", R"({"enabled":"yes"})", acme.ownerToken).status, 400);
}

TEST_F(PluginApiTest, MemberRoutesNeedAMemberAndTheEnabledPlugin) {
  const std::string path = "/extensions/api-test/search/acme/?field=x&query=y";
  EXPECT_EQ(host.call("GET", path, nullptr).status, 401);
  ApiReply disabled = host.get(path, acme.memberToken);
  EXPECT_EQ(disabled.status, 403);
  EXPECT_EQ(disabled.str("detail"), "The plugin is not enabled for this organization.");

  host.enablePlugin("acme", "api_test");
  ApiReply ok = host.get(path, acme.memberToken);
  ASSERT_EQ(ok.status, 200) << ok.describe();
  EXPECT_EQ(ok.str("query"), "field=x&query=y");
  EXPECT_EQ(ok.json["organizationId"].GetInt64(), std::stoll(acme.orgId));
  EXPECT_EQ(ok.json["userId"].GetInt64(), std::stoll(acme.memberId));

  const std::string stranger = host.createUser("s@else.test");
  EXPECT_EQ(host.get(path, host.tokenFor(stranger)).status, 403);
  EXPECT_EQ(host.get("/extensions/api-test/search/nope/").status, 404);  // superuser, unknown org
}

TEST_F(PluginApiTest, PublicRoutesCommitOnlyWhenTheHookSucceeded) {
  ApiReply ok = host.call("POST", "/extensions/api-test/hook/ok/", nullptr, "{}");
  ASSERT_EQ(ok.status, 200) << ok.describe();
  EXPECT_EQ(hookJobs(), 1u);

  ApiReply failed = host.call("POST", "/extensions/api-test/hook/fail/", nullptr, "{}");
  EXPECT_EQ(failed.status, 500);
  EXPECT_EQ(failed.str("detail"), "hook failed");
  EXPECT_EQ(hookJobs(), 1u);  // the failed hook's job was rolled back
}

TEST_F(PluginApiTest, RepliesKeepThePluginsHeadersAndContentType) {
  ApiReply text = host.call("POST", "/extensions/api-test/hook/text/", nullptr, "");
  EXPECT_EQ(text.status, 200);
  EXPECT_EQ(text.contentType, "text/plain");
  EXPECT_EQ(text.headers["x-test"], "yes");
  EXPECT_EQ(text.body, "plain");
}

TEST_F(PluginApiTest, UnknownExtensionsAre404AndMetricsHideTokens) {
  EXPECT_EQ(host.call("POST", "/extensions/api-test/nothing/", nullptr, "").status, 404);
  host.call("POST", "/extensions/api-test/hook/ok/", nullptr, "{}");
  ApiReply metrics = host.call("GET", "/metrics", nullptr);
  EXPECT_NE(metrics.body.find("route=\"/extensions/api-test/hook/{token}/\""), std::string::npos);
  EXPECT_EQ(metrics.body.find("hook/ok"), std::string::npos);
}

}  // namespace
}  // namespace ih::test
