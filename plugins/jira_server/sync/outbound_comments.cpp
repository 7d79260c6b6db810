#include "sync/outbound_comments.h"

#include "client/comment_api.h"
#include "ihp/plugin_abi.h"
#include "sync/outbound_outcome.h"
#include "sync/sync_note.h"

namespace ih::jira {

namespace {

constexpr FailureTexts kCommentFailureTexts{kCommentUnauthorized, "Failed to sync comment to Jira Server issue"};

// POSTs the comment and links the new Jira id to the host comment.
ihp_status postComment(const JiraClient& client, const OutboundEvent& event, ihp::sdk::Reply& reply) {
  const ihp::sdk::Host& host = client.host();
  auto created = CommentApi(client).add(event.issueKey, quotedCommentBody(event.comment));
  if (!created) {
    return outboundFailure(host, reply, {event.organizationId, event.externalIssueId, event.issueKey}, created.error(),
                           kCommentFailureTexts);
  }
  ihp_status linked =
      host.commentLinkExternal(event.organizationId, event.comment.id, event.externalIssueId, created.value());
  // The comment exists in Jira now: retrying would post it twice, so a failed
  // link is only logged (a later edit then posts a new comment).
  if (linked != IHP_OK) {
    host.warn("comment-link-failed: issue=" + event.issueKey + " (" + ihp::sdk::statusName(linked) + ")");
  }
  host.info("comment-synced: issue=" + event.issueKey + " created");
  noteOutbound(host, event, IHP_SYNC_APPLIED, "comment " + std::to_string(event.comment.id) + " posted to Jira");
  return IHP_OK;
}

}  // namespace

std::string quotedCommentBody(const OutboundComment& comment) {
  const std::string author = comment.authorName.empty() ? "Someone" : comment.authorName;
  return author + " wrote:\n\n{quote}" + comment.text + "{quote}";
}

ihp_status syncCommentOutbound(const JiraClient& client, const OutboundEvent& event, ihp::sdk::Reply& reply) {
  if (event.type == IHP_EVENT_COMMENT_CREATED || !event.comment.externalCommentId) {
    return postComment(client, event, reply);
  }
  auto updated =
      CommentApi(client).update(event.issueKey, *event.comment.externalCommentId, quotedCommentBody(event.comment));
  if (updated) {
    client.host().info("comment-synced: issue=" + event.issueKey + " updated");
    noteOutbound(client.host(), event, IHP_SYNC_APPLIED,
                 "comment " + std::to_string(event.comment.id) + " updated in Jira");
    return IHP_OK;
  }
  // 404: the comment (or the whole ticket) is gone; posting anew tells which.
  if (updated.error().isNotFound()) return postComment(client, event, reply);
  return outboundFailure(client.host(), reply, {event.organizationId, event.externalIssueId, event.issueKey},
                         updated.error(), kCommentFailureTexts);
}

}  // namespace ih::jira
