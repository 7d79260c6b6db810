// sync/outbound_comments.h - host comments -> Jira comments (sync_comments).
// A new comment is posted as "<author> wrote:\n\n{quote}<text>{quote}" and the
// Jira comment id is remembered (Host::commentLinkExternal); an edit PUTs the
// same format to that id. An edit of a comment Jira never got (or deleted)
// is posted as a new comment instead of being dropped.
#pragma once

#include <string>
#include <string_view>

#include "client/jira_client.h"
#include "ihp/sdk/reply.hpp"
#include "sync/outbound_event.h"

namespace ih::jira {

inline constexpr std::string_view kCommentUnauthorized = "Insufficient permissions to comment on Jira Server issue";

// "<author> wrote:\n\n{quote}<text>{quote}" (Jira wiki markup).
std::string quotedCommentBody(const OutboundComment& comment);

ihp_status syncCommentOutbound(const JiraClient& client, const OutboundEvent& event, ihp::sdk::Reply& reply);

}  // namespace ih::jira
