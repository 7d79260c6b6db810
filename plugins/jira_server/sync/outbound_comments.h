// sync/outbound_comments.h - host comments -> Jira comments (sync_comments).
// A new comment is posted as "<author> wrote:\n\n{quote}<text>{quote}" with
// its marker (commentMarker, a comment property: client/comment_api.h) and
// the Jira comment id is remembered (Host::commentLinkExternal); an edit PUTs
// the same format to that id. Effectively-once: a retried post (attempt > 1:
// the previous answer may have been lost after Jira applied it) and an edit
// without a known id first look for the marked comment and adopt it. An edit
// of a comment Jira never got (or deleted) is posted as a new comment
// instead of being dropped.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "client/jira_client.h"
#include "ihp/sdk/reply.hpp"
#include "sync/outbound_event.h"

namespace ih::jira {

inline constexpr std::string_view kCommentUnauthorized = "Insufficient permissions to comment on Jira Server issue";

// "<author> wrote:\n\n{quote}<text>{quote}" (Jira wiki markup).
std::string quotedCommentBody(const OutboundComment& comment);

// "integration/<integrationId>/comment/<host comment id>": one per host
// comment and integration, so two links of one ticket never share a marker.
std::string commentMarker(const OutboundEvent& event);

// `attempt` is the job's (1 for the first try).
ihp_status syncCommentOutbound(const JiraClient& client, const OutboundEvent& event, uint32_t attempt,
                               ihp::sdk::Reply& reply);

}  // namespace ih::jira
