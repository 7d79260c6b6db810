// uninstall/webhook_removal.h - the uninstall hook: the last organization
// unlinked the integration, so the Jira webhook created at install is deleted
// (through the API generation it was created with, by the id stored then).
// Doing better than Sentry, which never deleted it. 404 counts as deleted;
// 401/403 mean these credentials cannot delete it, so the webhook id is
// logged for an admin and the uninstall completes (keeping a dead
// integration forever helps nobody); Jira unavailable (5xx, 429, transport)
// asks the host to retry. After IHP_OK the host removes the integration and
// its credentials, and later deliveries to the old URL get 400.
#pragma once

#include "ihp/sdk/host.hpp"
#include "ihp/sdk/reply.hpp"

namespace ih::jira {

ihp_status runUninstall(const ihp::sdk::Host& host, const ihp_uninstall_call& call, ihp::sdk::Reply& reply);

}  // namespace ih::jira
