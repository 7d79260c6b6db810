// host/plugins/plugin_job_outcome.cpp - see plugin_job_outcome.h.
#include "plugins/plugin_job_outcome.h"

#include "plugins/abi_negotiation.h"

namespace ih::host::plugins {

jobs::JobOutcome jobOutcomeFor(const HookReply& reply) {
  if (reply.status == IHP_OK) return jobs::JobOutcome::done();
  std::string reason = statusText(reply.status);
  if (reply.error && !reply.error->empty()) reason += ": " + *reply.error;
  if (reply.status == IHP_E_RETRY) return jobs::JobOutcome::retry(std::move(reason), reply.retryAfterMs);
  return jobs::JobOutcome::dead(std::move(reason));
}

}  // namespace ih::host::plugins
