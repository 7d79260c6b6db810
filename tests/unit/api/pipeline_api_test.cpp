// The installation pipeline over HTTP: initialize, advance, errors of every
// kind, completion (integration stored, nothing secret served), reuse by a
// second organization, and the browser callback.
#include <gtest/gtest.h>

#include "api_test_host.h"

namespace ih::test {
namespace {

constexpr const char* kInit = R"({"action":"initialize","provider":"api_test"})";

class PipelineApiTest : public ::testing::Test {
 protected:
  void SetUp() override {
    acme = host.seedAcme();
    host.enablePlugin("acme", "api_test");
  }
  std::string start(const std::string& org = "acme") {
    ApiReply r = host.post("/api/0/organizations/" + org + "/pipeline/integration/", kInit);
    EXPECT_EQ(r.status, 200) << r.describe();
    return r.str("pipelineId");
  }
  ApiReply step(const std::string& pipelineId, const std::string& body, const std::string& org = "acme") {
    return host.post("/api/0/organizations/" + org + "/pipeline/integration/" + pipelineId + "/", body);
  }
  ApiReply integrations(const std::string& org = "acme") {
    return host.get("/api/0/organizations/" + org + "/integrations/");
  }

  ApiTestHost host;
  ApiTestHost::Acme acme;
};

TEST_F(PipelineApiTest, InitializeAnswersTheFirstStep) {
  ApiReply r = host.post("/api/0/organizations/acme/pipeline/integration/", kInit, acme.ownerToken);
  ASSERT_EQ(r.status, 200) << r.describe();
  EXPECT_FALSE(r.str("pipelineId").empty());
  EXPECT_EQ(r.str("provider"), "api_test");
  EXPECT_EQ(r.str("step"), "config");
  EXPECT_EQ(r.json["stepIndex"].GetInt(), 0);
  EXPECT_EQ(r.json["totalSteps"].GetInt(), 2);
  EXPECT_TRUE(r.json["data"].IsObject());
}

TEST_F(PipelineApiTest, InitializeRefusesUnknownProvidersDisabledPluginsAndMembers) {
  ApiReply unknown =
      host.post("/api/0/organizations/acme/pipeline/integration/", R"({"action":"initialize","provider":"nope"})");
  EXPECT_EQ(unknown.status, 400);
  EXPECT_TRUE(unknown.json["provider"].IsArray()) << unknown.body;
  EXPECT_EQ(host.post("/api/0/organizations/acme/pipeline/integration/", R"({"action":"go","provider":"api_test"})").status,
            400);
  EXPECT_EQ(host.post("/api/0/organizations/acme/pipeline/integration/", kInit, acme.memberToken).status, 403);
  host.enablePlugin("acme", "api_test", false);
  ApiReply disabled = host.post("/api/0/organizations/acme/pipeline/integration/", kInit);
  EXPECT_EQ(disabled.status, 403);
  EXPECT_EQ(disabled.str("detail"), "The plugin is not enabled for this organization.");
}

TEST_F(PipelineApiTest, AdvancesAndCompletes) {
  const std::string id = start();
  ApiReply advanced = step(id, R"({"url":"https://jira.test"})");
  ASSERT_EQ(advanced.status, 200) << advanced.describe();
  EXPECT_EQ(advanced.str("status"), "advance");
  EXPECT_EQ(advanced.str("step"), "authorize");
  EXPECT_EQ(advanced.json["stepIndex"].GetInt(), 1);
  EXPECT_EQ(ihp::sdk::json::stringOr(advanced.json["data"], "authorizeUrl"), "https://jira.test/authorize");

  ApiReply done = step(id, R"({"code":"c0de"})");
  ASSERT_EQ(done.status, 200) << done.describe();
  EXPECT_EQ(done.str("status"), "complete");
  const std::string integrationId = ihp::sdk::json::stringOr(done.json["data"], "integrationId");
  EXPECT_FALSE(integrationId.empty());

  ApiReply list = integrations();
  ASSERT_EQ(list.status, 200);
  ASSERT_EQ(list.json.Size(), 1u) << list.body;
  EXPECT_EQ(ihp::sdk::json::stringOr(list.json[0], "id"), integrationId);
  EXPECT_EQ(ihp::sdk::json::stringOr(list.json[0], "externalId"), "https://jira.test");
  EXPECT_EQ(ihp::sdk::json::stringOr(list.json[0], "domainName"), "example.test");
  EXPECT_EQ(list.body.find("s3cr3t"), std::string::npos) << "secrets must never be served";

  // The pipeline is finished.
  EXPECT_EQ(step(id, R"({"code":"again"})").status, 404);
}

TEST_F(PipelineApiTest, StepErrorsKeepThePipelineWhereItWas) {
  const std::string id = start();
  ApiReply field = step(id, R"({"url":"ftp:nope"})");
  EXPECT_EQ(field.status, 400);
  EXPECT_EQ(field.body, R"({"url":["Enter a valid URL."]})");

  ApiReply detail = step(id, R"({"url":"http://detail.test"})");
  EXPECT_EQ(detail.status, 400);
  EXPECT_EQ(detail.body, R"({"status":"error","data":{"detail":"Could not reach the server."}})");

  ApiReply thrown = step(id, R"({"url":"http://throw.test"})");
  EXPECT_EQ(thrown.status, 500);
  EXPECT_EQ(thrown.str("status"), "error");

  EXPECT_EQ(step(id, R"({"url":"https://jira.test"})").str("step"), "authorize");
  ApiReply missing = step(id, R"({})");
  EXPECT_EQ(missing.status, 400);
  EXPECT_EQ(missing.body, R"({"status":"error","data":{"detail":"Missing code"}})");
  ApiReply unreachable = step(id, R"({"code":"bad"})");
  EXPECT_EQ(unreachable.status, 502);
  EXPECT_EQ(ihp::sdk::json::stringOr(unreachable.json["data"], "detail"), "Unable to reach host: example.test");
  EXPECT_EQ(integrations().json.Size(), 0u);  // nothing stored
  EXPECT_EQ(step(id, R"({"code":"good"})").str("status"), "complete");
}

TEST_F(PipelineApiTest, UnknownPipelinesAndOtherOrgsAre404) {
  EXPECT_EQ(step("does-not-exist", "{}").status, 404);
  const std::string id = start();
  host.createOrganization("beta");
  EXPECT_EQ(step(id, R"({"url":"https://jira.test"})", "beta").status, 404);
}

TEST_F(PipelineApiTest, ASecondOrganizationReusesTheIntegration) {
  const std::string first = start();
  step(first, R"({"url":"https://jira.test"})");
  const std::string a = ihp::sdk::json::stringOr(step(first, R"({"code":"x"})").json["data"], "integrationId");

  host.createOrganization("beta");
  host.enablePlugin("beta", "api_test");
  const std::string second = start("beta");
  step(second, R"({"url":"https://jira.test"})", "beta");
  ApiReply done = step(second, R"({"code":"y"})", "beta");
  ASSERT_EQ(done.status, 200) << done.describe();
  EXPECT_EQ(ihp::sdk::json::stringOr(done.json["data"], "integrationId"), a);
  EXPECT_EQ(integrations("beta").json.Size(), 1u);
  EXPECT_EQ(integrations("acme").json.Size(), 1u);
}

TEST_F(PipelineApiTest, TheBrowserCallbackCompletesThePipeline) {
  const std::string id = start();
  step(id, R"({"url":"https://cb.test","ref":"abc"})");

  ApiReply invalid = host.call("GET", "/extensions/api-test/setup/?code=1&ref=zzz", nullptr);
  EXPECT_EQ(invalid.status, 400);
  EXPECT_EQ(invalid.contentType, "text/html; charset=utf-8");
  EXPECT_NE(invalid.body.find("This installation link is invalid or has expired."), std::string::npos);

  // The callback's query names the pipeline through the plugin's parameter ("code").
  ApiReply none = host.call("GET", "/extensions/api_test/setup/?code=ref-nothing", nullptr);
  EXPECT_EQ(none.status, 400);

  host.enablePlugin("acme", "api_test", false);
  EXPECT_EQ(host.call("GET", "/extensions/api-test/setup/?code=ref-abc", nullptr).status, 403);
  host.enablePlugin("acme", "api_test", true);

  ApiReply done = host.call("GET", "/extensions/api-test/setup/?code=ref-abc&x=%3Cscript%3E", nullptr);
  ASSERT_EQ(done.status, 200) << done.describe();
  EXPECT_NE(done.body.find("Installation complete"), std::string::npos);
  EXPECT_EQ(integrations().json.Size(), 1u);
}

TEST_F(PipelineApiTest, CallbackErrorsAreEscapedHtml) {
  const std::string id = start();
  step(id, R"({"url":"https://cb.test","ref":"bad"})");
  ApiReply failed = host.call("GET", "/extensions/api-test/setup/?code=ref-bad", nullptr);
  EXPECT_EQ(failed.status, 400);
  EXPECT_EQ(failed.contentType, "text/html; charset=utf-8");
  EXPECT_NE(failed.body.find("Rejected &lt;ref-bad&gt;"), std::string::npos) << failed.body;
  EXPECT_EQ(failed.body.find("<ref-bad>"), std::string::npos);

  ApiReply unknownPlugin = host.call("GET", "/extensions/nope/setup/?code=x", nullptr);
  EXPECT_EQ(unknownPlugin.status, 404);
}

}  // namespace
}  // namespace ih::test
