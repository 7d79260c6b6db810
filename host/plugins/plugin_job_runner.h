// host/plugins/plugin_job_runner.h - runs one plugin's durable jobs.
//
// Kind "ihp.event" (enqueued by domain::OutboundEvents, payload
// {"type":N,"event":{...}}) goes to the plugin's handle_event; every other
// kind (enqueued by the plugin through job_enqueue) goes to run_job. Each job
// runs in its own unit of work, committed only when the hook succeeded, and
// together with the job's completion (jobs::JobCompletion). A
// hook call past its deadline (--plugin-call-timeout-ms) is rolled back and
// the job retried later, like any transient failure.
// Register one per plugin with the WorkerPool under the plugin's key.
#pragma once

#include "jobs/job_runner.h"

namespace ih::host::plugins {

class LoadedPlugin;
struct HostServices;

class PluginJobRunner final : public jobs::JobRunner {
 public:
  PluginJobRunner(LoadedPlugin& plugin, HostServices& services) : plugin_(plugin), services_(services) {}

  jobs::JobOutcome run(const storage::Job& job, jobs::JobCompletion& completion) override;

 private:
  LoadedPlugin& plugin_;
  HostServices& services_;
};

}  // namespace ih::host::plugins
