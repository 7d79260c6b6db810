// webhook/issue_updated_route.h - POST /extensions/jira-server/issue-updated/{token}/
//
// Authenticates the delivery (URL token, then the optional X-Hub-Signature),
// parses it, re-keys moved issues, then runs the assignee handler and the
// status fan-out. Answers 200 only when everything the delivery causes is in
// the hook's unit of work (effects or durable jobs), so the host commits it
// with the answer; 400 (empty body) for anything the sender got wrong; 500 for
// a host failure, which makes the host roll back everything written.
#pragma once

#include "ihp/sdk/host.hpp"
#include "ihp/sdk/reply.hpp"

namespace ih::jira {

ihp_status handleIssueUpdated(const ihp::sdk::Host& host, const ihp_request& request, ihp::sdk::Reply& reply);

}  // namespace ih::jira
