// setup/pat_install_step.h - install with a personal access token, in ONE
// pipeline step: validate the form, check the token with GET
// /rest/api/2/myself (Authorization: Bearer), make sure the webhook exists
// (the OAuth flow's registrar, re-install reuse included) and complete (201).
// The integration is "<host[:port]>:pat:<jira user>" (cut to 64), named
// "<jira user>@<host[:port]>", and every later call uses the Bearer token.
#pragma once

#include "ihp/sdk/host.hpp"
#include "ihp/sdk/reply.hpp"

namespace ih::jira {

ihp_status runPatInstallStep(const ihp::sdk::Host& host, const ihp_pipeline_call& call, ihp::sdk::Reply& reply);

}  // namespace ih::jira
