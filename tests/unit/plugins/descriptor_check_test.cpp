// Unit tests for load check 7 (the descriptor), one rule per test.
#include <gtest/gtest.h>

#include "plugins/descriptor_check.h"

namespace ih::host::plugins {
namespace {

ihp_status fakeInit(const ihp_host_api*, ihp_host_ctx*, ihp_plugin** instance) {
  *instance = nullptr;
  return IHP_OK;
}
ihp_status fakeRequest(ihp_plugin*, ihp_host_ctx*, const ihp_request*, ihp_reply*) { return IHP_OK; }
ihp_status fakeStep(ihp_plugin*, ihp_host_ctx*, const ihp_pipeline_call*, ihp_reply*) { return IHP_OK; }

class DescriptorCheck : public ::testing::Test {
 protected:
  DescriptorCheck() {
    table.struct_size = sizeof table;
    table.fingerprint = IHP_FINGERPRINT_INIT;
    table.key = IHP_STR_LIT("my_plugin");
    table.name = IHP_STR_LIT("My plugin");
    table.version = IHP_STR_LIT("1.2.3");
    table.init = &fakeInit;
    table.handle_request = &fakeRequest;
  }
  std::string reason() { return readDescriptor(table).reason; }

  ihp_plugin_api table{};
  ihp_route routes[2] = {
      {IHP_STR_LIT("GET"), IHP_STR_LIT("/extensions/my_plugin/a/"), IHP_ROUTE_PUBLIC},
      {IHP_STR_LIT("POST"), IHP_STR_LIT("/extensions/my-plugin/b/{org}/{x}/"), IHP_ROUTE_ORG_MEMBER}};
};

TEST_F(DescriptorCheck, ReadsAValidDescriptor) {
  ihp_str features[] = {IHP_STR_LIT(IHP_FEATURE_ISSUE_SYNC)};
  ihp_str steps[] = {IHP_STR_LIT("installation_config"), IHP_STR_LIT("oauth_callback")};
  table.features = features;
  table.feature_count = 1;
  table.routes = routes;
  table.route_count = 2;
  table.pipeline_steps = steps;
  table.pipeline_step_count = 2;
  table.pipeline_step = &fakeStep;
  table.pipeline_callback_param = IHP_STR_LIT("oauth_token");
  table.flags = IHP_PLUGIN_THREAD_SAFE;
  auto result = readDescriptor(table);
  ASSERT_EQ(result.reason, "");
  EXPECT_EQ(result.info.key, "my_plugin");
  EXPECT_EQ(result.info.features, std::vector<std::string>{"issue-sync"});
  ASSERT_EQ(result.info.routes.size(), 2u);
  EXPECT_EQ(result.info.routes[1].pathPattern, "/extensions/my-plugin/b/{org}/{x}/");
  EXPECT_EQ(result.info.routes[1].access, IHP_ROUTE_ORG_MEMBER);
  EXPECT_EQ(result.info.pipelineSteps.size(), 2u);
  EXPECT_EQ(result.info.pipelineCallbackParam, "oauth_token");
  EXPECT_TRUE(result.info.threadSafe);
}

TEST_F(DescriptorCheck, Key) {
  table.key = IHP_STR_LIT("Bad-Key");
  EXPECT_EQ(reason(), "invalid key 'Bad-Key' (must match [a-z0-9_]{1,64})");
  table.key = ihp_str{nullptr, 0};
  EXPECT_EQ(reason(), "invalid key '' (must match [a-z0-9_]{1,64})");
  table.key = ihp_str{nullptr, 3};
  EXPECT_EQ(reason(), "key is malformed (NULL pointer with length 3)");
  std::string longKey(65, 'a');
  table.key = ihp_str{longKey.data(), longKey.size()};
  EXPECT_NE(reason().find("invalid key"), std::string::npos);
  table.key = ihp_str{"a\nb", 3};
  EXPECT_EQ(reason(), "invalid key 'a\\x0ab' (must match [a-z0-9_]{1,64})");
}

TEST_F(DescriptorCheck, NameAndVersion) {
  table.name = IHP_STR_LIT("");
  EXPECT_EQ(reason(), "name is empty");
  table.name = IHP_STR_LIT("n");
  table.version = ihp_str{nullptr, 0};
  EXPECT_EQ(reason(), "version is empty");
}

TEST_F(DescriptorCheck, Routes) {
  table.routes = routes;
  table.route_count = 1;
  routes[0].path_pattern = IHP_STR_LIT("/extensions/other/a/");
  EXPECT_EQ(reason(), "route 0 (GET /extensions/other/a/) is outside /extensions/my_plugin/ and /extensions/my-plugin/");
  routes[0].path_pattern = IHP_STR_LIT("/extensions/my_plugin/{bad name}/");
  EXPECT_EQ(reason(), "route 0 has an invalid pattern '/extensions/my_plugin/{bad name}/': bad parameter name in "
                      "segment '{bad name}'");
  routes[0].path_pattern = IHP_STR_LIT("/extensions/my_plugin/a/");
  routes[0].access = 7;
  EXPECT_EQ(reason(), "route 0 has an unknown access value 7");
  // A member route names its organization in an {org} segment (a parameter
  // of another name, or "org" inside a segment, is not one).
  routes[0].access = IHP_ROUTE_ORG_MEMBER;
  EXPECT_EQ(reason(), "route 0 (GET /extensions/my_plugin/a/) is for organization members but has no {org} segment");
  routes[0].path_pattern = IHP_STR_LIT("/extensions/my_plugin/a/{organization}/");
  EXPECT_EQ(reason(),
            "route 0 (GET /extensions/my_plugin/a/{organization}/) is for organization members but has no "
            "{org} segment");
  routes[0].path_pattern = IHP_STR_LIT("/extensions/my_plugin/{org}/a/");
  EXPECT_EQ(reason(), "");
  routes[0].path_pattern = IHP_STR_LIT("/extensions/my_plugin/a/");
  routes[0].access = IHP_ROUTE_PUBLIC;
  routes[0].method = IHP_STR_LIT("get");
  EXPECT_EQ(reason(), "route 0 has an invalid method 'get'");
  routes[0].method = IHP_STR_LIT("GET");
  table.handle_request = nullptr;
  EXPECT_EQ(reason(), "routes are declared but handle_request is NULL");
  table.routes = nullptr;
  EXPECT_EQ(reason(), "route_count is 1 but routes is NULL");
}

TEST_F(DescriptorCheck, Pipeline) {
  ihp_str steps[] = {IHP_STR_LIT("only")};
  table.pipeline_steps = steps;
  table.pipeline_step_count = 1;
  EXPECT_EQ(reason(), "pipeline steps are declared but pipeline_step is NULL");
  table.pipeline_step = &fakeStep;
  steps[0] = IHP_STR_LIT("");
  EXPECT_EQ(reason(), "pipeline step 0 is empty");
}

TEST_F(DescriptorCheck, RequiredHookInit) {
  table.init = nullptr;
  EXPECT_EQ(reason(), "required hook init is NULL");
}

}  // namespace
}  // namespace ih::host::plugins
