// tickets/link_action.h - linking an existing ticket (IHP_FORM_LINK action):
// {"externalIssue": key or ticket URL of this Jira, "comment"?}. The key is
// checked with GET /rest/api/2/issue/KEY; the reply (201 key, title,
// description, url) is what the host stores and links. A non-empty comment
// becomes a durable "post_comment" job, so a slow Jira never delays the link.
#pragma once

#include <string_view>

#include "client/response_cache.h"
#include "ihp/sdk/host.hpp"
#include "ihp/sdk/reply.hpp"
#include "tickets/form_context.h"

namespace ih::jira {

ihp_status runLinkAction(const ihp::sdk::Host& host, const FormContext& context, std::string_view inputJson,
                         ihp::sdk::Reply& reply, ResponseCache& cache);

}  // namespace ih::jira
