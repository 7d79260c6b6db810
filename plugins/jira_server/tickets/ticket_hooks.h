// tickets/ticket_hooks.h - the issue_form and issue_action hooks: read the
// host's form context once and hand the link or create form / action to the
// flow that owns it.
#pragma once

#include "client/response_cache.h"
#include "ihp/sdk/host.hpp"
#include "ihp/sdk/reply.hpp"

namespace ih::jira {

ihp_status runIssueForm(const ihp::sdk::Host& host, const ihp_form_call& call, ihp::sdk::Reply& reply,
                        ResponseCache& cache);
ihp_status runIssueAction(const ihp::sdk::Host& host, const ihp_form_call& call, ihp::sdk::Reply& reply,
                          ResponseCache& cache);

}  // namespace ih::jira
