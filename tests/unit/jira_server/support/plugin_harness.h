// plugin_harness.h - drives the Jira Server plugin through its real C entry
// and ihp_plugin_api table (the same path the host takes), with a MockHost
// behind the host table. One harness = one plugin instance (init ... shutdown).
#pragma once

#include <cstdint>
#include <string>

#include "support/mock_host.h"

namespace ih::jira::testing {

inline constexpr const char* kPublicUrl = "https://host.example.test";

struct Outcome {
  ihp_status status = IHP_E_INTERNAL;
  CapturedReply reply;
};

class PluginHarness {
 public:
  // hostMinor: the ABI minor the host offers at entry.
  explicit PluginHarness(MockHost& host, bool hostHasRekey = true, uint32_t hostMinor = IHP_ABI_MINOR);
  ~PluginHarness();
  PluginHarness(const PluginHarness&) = delete;
  PluginHarness& operator=(const PluginHarness&) = delete;

  const ihp_plugin_api& api() const { return *plugin_; }
  ihp_status entryStatus() const { return entryStatus_; }

  Outcome pipelineStep(uint32_t step, const std::string& stateJson, const std::string& inputJson,
                       const std::string& publicUrl = kPublicUrl);
  Outcome webhook(const std::string& token, const std::string& body, const Headers& headers = {});
  Outcome runJob(const std::string& kind, const std::string& payloadJson, uint32_t attempt = 1);

 private:
  MockHost& host_;
  const ihp_plugin_api* plugin_ = nullptr;
  ihp_plugin* instance_ = nullptr;
  ihp_status entryStatus_ = IHP_E_INTERNAL;
};

// Calls the entry point with a host of the given major/minor; for ABI checks.
ihp_status callEntry(const ihp_host_api* api, uint32_t hostMajor, uint32_t hostMinor,
                     const ihp_plugin_api** pluginOut);

}  // namespace ih::jira::testing
