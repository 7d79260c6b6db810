// The issue as GET /rest/api/2/issue/{key} returns it; webhook payloads and search results
// embed exactly this rendering so the three can never drift apart.
#pragma once

#include <cstddef>
#include <optional>
#include <string>

#include "common/json.h"
#include "view/view_context.h"

namespace ih::mock {

void writeIssue(json::JsonBuilder& out, const JiraModel& model, const Issue& issue, const ViewContext& ctx);
std::string issueJson(const JiraModel& model, const Issue& issue, const ViewContext& ctx);

// Which comments a page shows (the comment resource's startAt/maxResults) and
// whether each carries its entity properties (expand=properties).
struct CommentPageQuery {
  std::size_t startAt = 0;
  std::optional<std::size_t> maxResults;  // none: all of them
  bool withProperties = false;
};

// "properties": [{"key","value"}] only when asked (expand=properties), as Jira does.
void writeComment(json::JsonBuilder& out, const JiraModel& model, const Issue& issue, const Comment& comment,
                  const ViewContext& ctx, bool withProperties = false);
std::string commentJson(const JiraModel& model, const Issue& issue, const Comment& comment, const ViewContext& ctx);
// {"startAt","maxResults","total","comments":[...]} as the comment resource and the
// issue's `comment` field render it.
void writeCommentPage(json::JsonBuilder& out, const JiraModel& model, const Issue& issue, const ViewContext& ctx,
                      const CommentPageQuery& query = {});

}  // namespace ih::mock
