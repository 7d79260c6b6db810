// host/plugins/uninstall_job_runner.h - the host job "integration.uninstall"
// (payload {"integrationId","provider"}), enqueued by
// IntegrationService::unlink when the last organization unlinks an
// integration.
//
// Calls the provider plugin's uninstall hook with integration_get's JSON
// shape and the credentials of "any identity" (organization 0), then removes
// the integration when the hook answered IHP_OK (or has no uninstall hook:
// nothing remote to clean up). IHP_E_RETRY retries; anything else
// dead-letters. An integration re-installed meanwhile (active again) or
// already gone is left alone. Register under the host key "".
#pragma once

#include "jobs/job_runner.h"

namespace ih::host::plugins {

class PluginRegistry;
struct HostServices;

class UninstallJobRunner final : public jobs::JobRunner {
 public:
  static constexpr const char* kKind = "integration.uninstall";

  UninstallJobRunner(PluginRegistry& registry, HostServices& services) : registry_(registry), services_(services) {}

  // Its completion is left to the pool (it answers done()).
  jobs::JobOutcome run(const storage::Job& job, jobs::JobCompletion& completion) override;

 private:
  PluginRegistry& registry_;
  HostServices& services_;
};

}  // namespace ih::host::plugins
