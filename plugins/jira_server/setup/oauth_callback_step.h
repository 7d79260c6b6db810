// setup/oauth_callback_step.h - pipeline step 2 ("oauth_callback"): exchange
// the request token for an access token, make sure the webhook exists in Jira,
// then complete (201) with the integration to persist. Input is either the API
// body {"oauthToken","oauthVerifier"?} or the browser callback's query
// {"oauth_token","oauth_verifier"?}.
#pragma once

#include "ihp/sdk/host.hpp"
#include "ihp/sdk/reply.hpp"

namespace ih::jira {

ihp_status runOAuthCallbackStep(const ihp::sdk::Host& host, const ihp_pipeline_call& call, ihp::sdk::Reply& reply);

}  // namespace ih::jira
