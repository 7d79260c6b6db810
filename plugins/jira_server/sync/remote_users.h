// sync/remote_users.h - the plugin's answer to remote_users_resolve (ABI
// 1.3): before the host stores a user mapping, it asks whether each Jira user
// named in it exists, by login name or stable key. Jira DC hides emails by
// setting, so a mapping is the only way to sync those users; a typo in one
// would silently never match, hence the check.
#pragma once

#include "client/response_cache.h"
#include "ihp/sdk/host.hpp"
#include "ihp/sdk/reply.hpp"

namespace ih::jira {

// users_json: ["jdoe", "JIRAUSER10100", ...] (at most 100). Reply 200
// [{"query","found","name","key","displayName"}] in the same order; 400 for
// a malformed list; 502 when Jira cannot be asked (the host refuses the
// mapping then: unchecked is not valid).
ihp_status runRemoteUsersResolve(const ihp::sdk::Host& host, const ihp_remote_users_call& call,
                                 ihp::sdk::Reply& reply, ResponseCache& cache);

}  // namespace ih::jira
