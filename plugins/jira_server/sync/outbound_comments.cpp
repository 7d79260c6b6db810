#include "sync/outbound_comments.h"

#include "client/comment_api.h"
#include "ihp/plugin_abi.h"
#include "sync/outbound_outcome.h"
#include "sync/sync_note.h"

namespace ih::jira {

namespace {

constexpr FailureTexts kCommentFailureTexts{kCommentUnauthorized, "Failed to sync comment to Jira Server issue"};

OutboundTarget targetOf(const OutboundEvent& event) {
  return {event.organizationId, event.externalIssueId, event.issueKey};
}

// Remembers which Jira comment carries the host comment. The comment exists in
// Jira now: retrying would only find it again, so a failed link is logged.
void linkComment(const ihp::sdk::Host& host, const OutboundEvent& event, const std::string& remoteId) {
  ihp_status linked = host.commentLinkExternal(event.organizationId, event.comment.id, event.externalIssueId, remoteId);
  if (linked != IHP_OK) {
    host.warn("comment-link-failed: issue=" + event.issueKey + " (" + ihp::sdk::statusName(linked) + ")");
  }
}

// Writes the comment to the Jira comment posted for it earlier and found by
// its marker (a created event finds its own text there already).
ihp_status adoptMarked(const JiraClient& client, const OutboundEvent& event, const std::string& remoteId,
                       ihp::sdk::Reply& reply) {
  if (event.type == IHP_EVENT_COMMENT_UPDATED) {
    auto updated = CommentApi(client).update(event.issueKey, remoteId, quotedCommentBody(event.comment));
    if (!updated) return outboundFailure(client.host(), reply, targetOf(event), updated.error(), kCommentFailureTexts);
  }
  linkComment(client.host(), event, remoteId);
  client.host().info("comment-synced: issue=" + event.issueKey + " found the comment posted earlier");
  return IHP_OK;
}

// POSTs the comment with its marker and links the new Jira id to the host
// comment. When an earlier attempt may have posted it already (its answer
// lost), the marked comment is looked up first and adopted instead.
ihp_status postComment(const JiraClient& client, const OutboundEvent& event, bool mayExist, ihp::sdk::Reply& reply) {
  const ihp::sdk::Host& host = client.host();
  const std::string marker = commentMarker(event);
  if (mayExist) {
    auto found = CommentApi(client).findMarked(event.issueKey, marker);
    if (!found) return outboundFailure(host, reply, targetOf(event), found.error(), kCommentFailureTexts);
    if (found.value()) return adoptMarked(client, event, *found.value(), reply);
  }
  auto created = CommentApi(client).add(event.issueKey, quotedCommentBody(event.comment), marker);
  if (!created) return outboundFailure(host, reply, targetOf(event), created.error(), kCommentFailureTexts);
  linkComment(host, event, created.value());
  host.info("comment-synced: issue=" + event.issueKey + " created");
  noteOutbound(host, event, IHP_SYNC_APPLIED, "comment " + std::to_string(event.comment.id) + " posted to Jira");
  return IHP_OK;
}

}  // namespace

std::string quotedCommentBody(const OutboundComment& comment) {
  const std::string author = comment.authorName.empty() ? "Someone" : comment.authorName;
  return author + " wrote:\n\n{quote}" + comment.text + "{quote}";
}

std::string commentMarker(const OutboundEvent& event) {
  return "integration/" + std::to_string(event.integrationId) + "/comment/" + std::to_string(event.comment.id);
}

ihp_status syncCommentOutbound(const JiraClient& client, const OutboundEvent& event, uint32_t attempt,
                               ihp::sdk::Reply& reply) {
  if (event.type == IHP_EVENT_COMMENT_CREATED) return postComment(client, event, attempt > 1, reply);
  // An edit of a comment whose Jira id the host never learned: its post may
  // still have reached Jira (answer lost, link failed), so look first.
  if (!event.comment.externalCommentId) return postComment(client, event, true, reply);
  auto updated =
      CommentApi(client).update(event.issueKey, *event.comment.externalCommentId, quotedCommentBody(event.comment));
  if (updated) {
    client.host().info("comment-synced: issue=" + event.issueKey + " updated");
    noteOutbound(client.host(), event, IHP_SYNC_APPLIED,
                 "comment " + std::to_string(event.comment.id) + " updated in Jira");
    return IHP_OK;
  }
  // 404: the comment (or the whole ticket) is gone; posting anew tells which.
  if (updated.error().isNotFound()) return postComment(client, event, false, reply);
  return outboundFailure(client.host(), reply, targetOf(event), updated.error(), kCommentFailureTexts);
}

}  // namespace ih::jira
