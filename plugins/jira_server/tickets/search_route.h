// tickets/search_route.h - GET /extensions/jira-server/search/{org}/{integrationId}/
// ?field=&query=[&project=] (org members; the host authenticated the member
// and checked the plugin is enabled for {org}). Backs the forms' async
// selects: externalIssue/parent -> issues by key or text; assignee/reporter ->
// assignable users of the project; project -> the Jira projects (query
// optional, filters by key or name); status (with project=<id>) -> that
// project's statuses (the settings page's status mapping; query optional);
// any other field -> Jira's JQL value suggestions. Answers a JSON list of
// {"value","label"}; an integration the org does not link is 404, a Jira
// failure 400 {"detail"}.
#pragma once

#include "client/response_cache.h"
#include "ihp/sdk/host.hpp"
#include "ihp/sdk/reply.hpp"

namespace ih::jira {

ihp_status handleSearch(const ihp::sdk::Host& host, const ihp_request& request, ihp::sdk::Reply& reply,
                        ResponseCache& cache);

// id="KEY" for a key-shaped query, else text ~ "<query, quotes escaped>".
std::string issueSearchJql(std::string_view query);

}  // namespace ih::jira
