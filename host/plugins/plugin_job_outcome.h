// host/plugins/plugin_job_outcome.h - how a job hook's reply becomes a job
// outcome (shared by the plugin and uninstall job runners), per plugin_abi.h:
// IHP_OK = done; IHP_E_RETRY = retry (after reply_retry_after_ms when given);
// anything else = dead-letter with the reply_error reason.
#pragma once

#include "jobs/job_runner.h"
#include "plugins/loaded_plugin.h"

namespace ih::host::plugins {

jobs::JobOutcome jobOutcomeFor(const HookReply& reply);

// The attempt number to report to a hook (the queue counts from 1).
inline uint32_t attemptOf(const storage::Job& job) { return job.attempts == 0 ? 1 : job.attempts; }

}  // namespace ih::host::plugins
