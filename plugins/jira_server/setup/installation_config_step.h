// setup/installation_config_step.h - pipeline step 1 ("installation_config"):
// validate the form, fetch an OAuth request token, and answer the authorize
// URL. Advances with the form + request token as pipeline state and the
// request token as the pipeline ref (the browser callback carries only it).
#pragma once

#include "ihp/sdk/host.hpp"
#include "ihp/sdk/reply.hpp"

namespace ih::jira {

ihp_status runInstallationConfigStep(const ihp::sdk::Host& host, const ihp_pipeline_call& call,
                                     ihp::sdk::Reply& reply);

}  // namespace ih::jira
