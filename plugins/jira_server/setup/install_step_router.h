// setup/install_step_router.h - pipeline step 1 chooses the install method
// from the form's `authType`: absent or "oauth1" -> the OAuth 1.0a
// application-link flow (two steps), "pat" -> a personal access token
// (completes at once), anything else -> 400 {"authType": [...]}.
#pragma once

#include "ihp/sdk/host.hpp"
#include "ihp/sdk/reply.hpp"

namespace ih::jira {

ihp_status runFirstInstallStep(const ihp::sdk::Host& host, const ihp_pipeline_call& call, ihp::sdk::Reply& reply);

}  // namespace ih::jira
