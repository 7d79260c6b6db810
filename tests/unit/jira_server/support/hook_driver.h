// hook_driver.h - drives the hooks part 2 owns (handle_event, issue_form,
// issue_action, config_update, config_view, uninstall, the search route)
// through the plugin's real C table, like PluginHarness does for the setup,
// webhook and job hooks. One driver = one plugin instance of its own.
#pragma once

#include <cstdint>
#include <string>

#include "support/mock_host.h"
#include "support/plugin_harness.h"

namespace ih::jira::testing {

class HookDriver {
 public:
  explicit HookDriver(MockHost& host);
  ~HookDriver();
  HookDriver(const HookDriver&) = delete;
  HookDriver& operator=(const HookDriver&) = delete;

  Outcome event(int32_t type, const std::string& eventJson, uint32_t attempt = 1);
  Outcome form(int32_t form, const std::string& contextJson);
  Outcome action(int32_t form, const std::string& contextJson, const std::string& inputJson);
  Outcome configUpdate(const std::string& storedJson, const std::string& patchJson);
  Outcome configView(const std::string& storedJson);
  Outcome uninstall(const std::string& integrationJson, const std::string& credentialsJson, uint32_t attempt = 1);
  // GET /extensions/jira-server/search/{orgSlug}/{integrationId}/?<query> as a member of `organizationId`.
  Outcome search(const std::string& integrationId, const std::string& query, int64_t organizationId = 1,
                 const std::string& orgSlug = "acme");

 private:
  MockHost& host_;
  const ihp_plugin_api* plugin_ = nullptr;
  ihp_plugin* instance_ = nullptr;
};

}  // namespace ih::jira::testing
