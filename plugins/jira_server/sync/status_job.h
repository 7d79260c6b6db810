// sync/status_job.h - run_job for "status_inbound": take the status's
// category from the job (the payload had it) or from Jira's status list
// (through the org's connection; kept 240 s for every host,
// sync/status_categories.h), then apply it (sync/status_apply.h: the host
// resolves/unresolves that org's linked issues following its
// resolution_strategy). Jira unreachable, 5xx or 429 -> IHP_E_RETRY (after
// Retry-After when given); 401/404 and other refusals -> permanent failure
// with a reason.
#pragma once

#include "client/response_cache.h"
#include "ihp/sdk/host.hpp"
#include "ihp/sdk/reply.hpp"

namespace ih::jira {

ihp_status runStatusJob(const ihp::sdk::Host& host, const ihp_job& job, ihp::sdk::Reply& reply,
                        ResponseCache& cache);

}  // namespace ih::jira
