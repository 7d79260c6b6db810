// tickets/link_comment_job.h - the durable job "post_comment": the comment
// typed into the link form, posted verbatim to the ticket after the link is
// stored (enqueued in the same unit of work, ordered with the ticket's other
// outbound jobs, retried like them).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "client/response_cache.h"
#include "ihp/sdk/host.hpp"
#include "ihp/sdk/reply.hpp"

namespace ih::jira {

inline constexpr std::string_view kJobPostComment = "post_comment";

struct LinkCommentJob {
  int64_t integrationId = 0;
  int64_t organizationId = 0;
  std::string issueKey;
  std::string body;

  std::string toJson() const;
  static std::optional<LinkCommentJob> fromJson(std::string_view json);
};

ihp_status enqueueLinkComment(const ihp::sdk::Host& host, const LinkCommentJob& job);
ihp_status runLinkCommentJob(const ihp::sdk::Host& host, const ihp_job& job, ihp::sdk::Reply& reply,
                             ResponseCache& cache);

}  // namespace ih::jira
