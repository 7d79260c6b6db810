// What the plugin declares through its C table, and the entry's negotiation.
#include "support/plugin_test.h"

namespace ih::jira::testing {
namespace {

std::string text(ihp_str s) { return std::string(s.ptr, s.len); }

TEST_F(PluginTest, DescriptorMatchesTheContract) {
  const ihp_plugin_api& api = plugin.api();
  EXPECT_EQ(text(api.key), "jira_server");
  EXPECT_EQ(text(api.name), "Jira Server");
  EXPECT_EQ(text(api.version), "0.1.0");
  ASSERT_EQ(api.feature_count, 3u);
  EXPECT_EQ(text(api.features[0]), "issue-basic");
  EXPECT_EQ(text(api.features[1]), "issue-sync");
  EXPECT_EQ(text(api.features[2]), "user-mapping");
  EXPECT_EQ(api.flags & IHP_PLUGIN_THREAD_SAFE, IHP_PLUGIN_THREAD_SAFE);

  ASSERT_EQ(api.route_count, 2u);  // [1] is part 2's search route (search_route_test.cpp)
  EXPECT_EQ(text(api.routes[0].method), "POST");
  EXPECT_EQ(text(api.routes[0].path_pattern), "/extensions/jira-server/issue-updated/{token}/");
  EXPECT_EQ(api.routes[0].access, IHP_ROUTE_PUBLIC);

  ASSERT_EQ(api.pipeline_step_count, 2u);
  EXPECT_EQ(text(api.pipeline_steps[0]), "installation_config");
  EXPECT_EQ(text(api.pipeline_steps[1]), "oauth_callback");
  EXPECT_EQ(text(api.pipeline_callback_param), "oauth_token");
  EXPECT_GE(api.struct_size, IHP_PLUGIN_API_SIZE_V1_0);
}

TEST_F(PluginTest, UnknownRouteAndStepAreAnswered) {
  ihp_request request{};
  request.struct_size = sizeof request;
  request.route_index = 999;
  CapturedReply reply;
  EXPECT_EQ(plugin.api().handle_request(nullptr, contextFor(host), &request, replyHandle(reply)), IHP_E_INVALID);

  auto outcome = plugin.pipelineStep(5, "{}", "{}");
  EXPECT_EQ(outcome.reply.status, 400);
  EXPECT_EQ(jsonString(parseJson(outcome.reply.body), "detail"), "Unknown pipeline step");
}

TEST(PluginEntry, RefusesAnotherMajorVersion) {
  const ihp_plugin_api* api = nullptr;
  EXPECT_EQ(callEntry(testHostApi(), IHP_ABI_MAJOR + 1, 0, &api), IHP_E_INCOMPATIBLE);
  EXPECT_EQ(callEntry(testHostApi(), IHP_ABI_MAJOR, 0, &api), IHP_OK);
  ASSERT_NE(api, nullptr);
}

}  // namespace
}  // namespace ih::jira::testing
