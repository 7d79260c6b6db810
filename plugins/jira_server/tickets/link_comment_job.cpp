#include "tickets/link_comment_job.h"

#include "client/comment_api.h"
#include "ihp/sdk/json.hpp"
#include "sync/outbound_comments.h"
#include "sync/outbound_outcome.h"
#include "sync/status_job_payload.h"

namespace ih::jira {

namespace json = ihp::sdk::json;

std::string LinkCommentJob::toJson() const {
  json::JsonBuilder out;
  out.beginObject()
      .field("integrationId", integrationId)
      .field("organizationId", organizationId)
      .field("issueKey", issueKey)
      .field("body", body)
      .endObject();
  return out.str();
}

std::optional<LinkCommentJob> LinkCommentJob::fromJson(std::string_view text) {
  json::Document doc;
  if (!json::parseObject(text, doc)) return std::nullopt;
  LinkCommentJob job{json::int64(doc, "integrationId").value_or(0), json::int64(doc, "organizationId").value_or(0),
                     json::stringOr(doc, "issueKey"), json::stringOr(doc, "body")};
  if (job.integrationId == 0 || job.organizationId == 0 || job.issueKey.empty() || job.body.empty()) {
    return std::nullopt;
  }
  return job;
}

ihp_status enqueueLinkComment(const ihp::sdk::Host& host, const LinkCommentJob& job) {
  ihp::sdk::Host::JobSpec spec;
  spec.kind = std::string(kJobPostComment);
  spec.payloadJson = job.toJson();
  spec.orderingKey = externalIssueOrderingKey(job.integrationId, job.issueKey);
  spec.organizationId = job.organizationId;
  spec.integrationId = job.integrationId;
  return host.enqueue(spec);
}

ihp_status runLinkCommentJob(const ihp::sdk::Host& host, const ihp_job& raw, ihp::sdk::Reply& reply,
                             ResponseCache& cache) {
  auto job = LinkCommentJob::fromJson(ihp::sdk::view(raw.payload_json));
  if (!job) return giveUp(host, reply, "malformed post_comment payload");
  ihp_status status = IHP_OK;
  auto connection = connectionForJob(host, job->integrationId, job->organizationId, reply, status);
  if (!connection) return status;

  const JiraClient client(host, std::move(*connection), &cache);
  const CommentApi comments(client);
  const FailureTexts texts{kCommentUnauthorized, "Failed to post the link comment to Jira Server issue"};
  // No external issue id here: a 404 means the ticket went away since the link.
  const OutboundTarget target{job->organizationId, 0, job->issueKey};
  // Effectively-once, as for synced comments: a retry first looks for the
  // comment an earlier attempt may have posted before its answer was lost.
  const std::string marker =
      "integration/" + std::to_string(job->integrationId) + "/link-job/" + std::to_string(raw.job_id);
  if (raw.attempt > 1) {
    auto found = comments.findMarked(job->issueKey, marker);
    if (!found) return outboundFailure(host, reply, target, found.error(), texts);
    if (found.value()) {
      host.info("link-comment-posted: issue=" + job->issueKey + " (found the comment posted earlier)");
      return IHP_OK;
    }
  }
  auto posted = comments.add(job->issueKey, job->body, marker);
  if (!posted) return outboundFailure(host, reply, target, posted.error(), texts);
  host.info("link-comment-posted: issue=" + job->issueKey);
  return IHP_OK;
}

}  // namespace ih::jira
