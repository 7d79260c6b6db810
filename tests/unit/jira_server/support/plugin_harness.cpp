#include "support/plugin_harness.h"

#include "ihp/sdk/strings.hpp"

#include <gtest/gtest.h>

#include <vector>

extern "C" ihp_status ihp_plugin_entry(ihp_entry_args* args);

namespace ih::jira::testing {

using ihp::sdk::str;

ihp_status callEntry(const ihp_host_api* api, uint32_t hostMajor, uint32_t hostMinor,
                     const ihp_plugin_api** pluginOut) {
  ihp_entry_args args{};
  args.struct_size = sizeof args;
  args.host_fingerprint = IHP_FINGERPRINT_INIT;
  args.host_abi_major = hostMajor;
  args.host_abi_minor = hostMinor;
  args.host_api = api;
  ihp_status status = ihp_plugin_entry(&args);
  if (pluginOut != nullptr) *pluginOut = args.plugin_api;
  return status;
}

PluginHarness::PluginHarness(MockHost& host, bool hostHasRekey, uint32_t hostMinor) : host_(host) {
  entryStatus_ = callEntry(testHostApi(hostHasRekey), IHP_ABI_MAJOR, hostMinor, &plugin_);
  EXPECT_EQ(entryStatus_, IHP_OK);
  if (plugin_ == nullptr) return;
  EXPECT_EQ(plugin_->init(testHostApi(hostHasRekey), contextFor(host_), &instance_), IHP_OK);
}

PluginHarness::~PluginHarness() {
  if (plugin_ != nullptr && plugin_->shutdown != nullptr) plugin_->shutdown(instance_);
}

Outcome PluginHarness::pipelineStep(uint32_t step, const std::string& stateJson, const std::string& inputJson,
                                    const std::string& publicUrl) {
  ihp_pipeline_call call{};
  call.struct_size = sizeof call;
  call.organization_id = 1;
  call.user_id = 1;
  call.step_index = step;
  call.state_json = str(stateJson);
  call.input_json = str(inputJson);
  call.public_url = str(publicUrl);
  Outcome outcome;
  outcome.status = plugin_->pipeline_step(instance_, contextFor(host_), &call, replyHandle(outcome.reply));
  return outcome;
}

Outcome PluginHarness::webhook(const std::string& token, const std::string& body, const Headers& headers) {
  const std::string path = "/extensions/jira-server/issue-updated/" + token + "/";
  const std::string tokenName = "token";
  std::vector<ihp_header> rawHeaders;
  for (const auto& [name, value] : headers) rawHeaders.push_back({str(name), str(value)});
  ihp_header param{str(tokenName), str(token)};

  ihp_request request{};
  request.struct_size = sizeof request;
  request.route_index = 0;
  request.method = IHP_STR_LIT("POST");
  request.path = str(path);
  request.query = ihp_str{"", 0};
  request.headers = rawHeaders.data();
  request.header_count = rawHeaders.size();
  request.path_params = &param;
  request.path_param_count = 1;
  request.body = str(body);
  Outcome outcome;
  outcome.status = plugin_->handle_request(instance_, contextFor(host_), &request, replyHandle(outcome.reply));
  return outcome;
}

Outcome PluginHarness::runJob(const std::string& kind, const std::string& payloadJson, uint32_t attempt) {
  ihp_job job{};
  job.struct_size = sizeof job;
  job.job_id = 99;
  job.kind = str(kind);
  job.payload_json = str(payloadJson);
  job.attempt = attempt;
  Outcome outcome;
  outcome.status = plugin_->run_job(instance_, contextFor(host_), &job, replyHandle(outcome.reply));
  return outcome;
}

}  // namespace ih::jira::testing
