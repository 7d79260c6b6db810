#include "support/hook_driver.h"

#include <gtest/gtest.h>

#include <vector>

#include "descriptor.h"
#include "support/jira_fixtures.h"

namespace ih::jira::testing {

using ihp::sdk::str;

HookDriver::HookDriver(MockHost& host) : host_(host) {
  EXPECT_EQ(callEntry(testHostApi(), IHP_ABI_MAJOR, IHP_ABI_MINOR, &plugin_), IHP_OK);
  if (plugin_ != nullptr) {
    EXPECT_EQ(plugin_->init(testHostApi(), contextFor(host_), &instance_), IHP_OK);
  }
}

HookDriver::~HookDriver() {
  if (plugin_ != nullptr && plugin_->shutdown != nullptr) plugin_->shutdown(instance_);
}

Outcome HookDriver::event(int32_t type, const std::string& eventJson, uint32_t attempt) {
  ihp_event event{};
  event.struct_size = sizeof event;
  event.type = type;
  event.event_json = str(eventJson);
  event.attempt = attempt;
  Outcome outcome;
  outcome.status = plugin_->handle_event(instance_, contextFor(host_), &event, replyHandle(outcome.reply));
  return outcome;
}

Outcome HookDriver::form(int32_t form, const std::string& contextJson) {
  ihp_form_call call{};
  call.struct_size = sizeof call;
  call.form = form;
  call.context_json = str(contextJson);
  Outcome outcome;
  outcome.status = plugin_->issue_form(instance_, contextFor(host_), &call, replyHandle(outcome.reply));
  return outcome;
}

Outcome HookDriver::action(int32_t form, const std::string& contextJson, const std::string& inputJson) {
  ihp_form_call call{};
  call.struct_size = sizeof call;
  call.form = form;
  call.context_json = str(contextJson);
  call.input_json = str(inputJson);
  Outcome outcome;
  outcome.status = plugin_->issue_action(instance_, contextFor(host_), &call, replyHandle(outcome.reply));
  return outcome;
}

Outcome HookDriver::configUpdate(const std::string& storedJson, const std::string& patchJson) {
  ihp_config_call call{};
  call.struct_size = sizeof call;
  call.organization_id = 1;
  call.integration_id = kIntegrationId;
  call.stored_json = str(storedJson);
  call.patch_json = str(patchJson);
  Outcome outcome;
  outcome.status = plugin_->config_update(instance_, contextFor(host_), &call, replyHandle(outcome.reply));
  return outcome;
}

Outcome HookDriver::configView(const std::string& storedJson) {
  ihp_config_call call{};
  call.struct_size = sizeof call;
  call.organization_id = 1;
  call.integration_id = kIntegrationId;
  call.stored_json = str(storedJson);
  Outcome outcome;
  outcome.status = plugin_->config_view(instance_, contextFor(host_), &call, replyHandle(outcome.reply));
  return outcome;
}

Outcome HookDriver::uninstall(const std::string& integrationJson, const std::string& credentialsJson,
                              uint32_t attempt) {
  ihp_uninstall_call call{};
  call.struct_size = sizeof call;
  call.integration_id = kIntegrationId;
  call.integration_json = str(integrationJson);
  call.credentials_json = str(credentialsJson);
  call.attempt = attempt;
  Outcome outcome;
  outcome.status = plugin_->uninstall(instance_, contextFor(host_), &call, replyHandle(outcome.reply));
  return outcome;
}

Outcome HookDriver::search(const std::string& integrationId, const std::string& query, int64_t organizationId,
                           const std::string& orgSlug) {
  const std::string path = "/extensions/jira-server/search/" + orgSlug + "/" + integrationId + "/";
  const std::string orgName = "org", integrationName = "integrationId";
  std::vector<ihp_header> params = {{str(orgName), str(orgSlug)}, {str(integrationName), str(integrationId)}};
  ihp_request request{};
  request.struct_size = sizeof request;
  request.route_index = kRouteSearch;
  request.method = IHP_STR_LIT("GET");
  request.path = str(path);
  request.query = str(query);
  request.path_params = params.data();
  request.path_param_count = params.size();
  request.body = ihp_str{"", 0};
  request.organization_id = organizationId;
  request.user_id = 3;
  Outcome outcome;
  outcome.status = plugin_->handle_request(instance_, contextFor(host_), &request, replyHandle(outcome.reply));
  return outcome;
}

}  // namespace ih::jira::testing
