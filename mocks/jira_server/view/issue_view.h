// The issue as GET /rest/api/2/issue/{key} returns it; webhook payloads and search results
// embed exactly this rendering so the three can never drift apart.
#pragma once

#include <string>

#include "common/json.h"
#include "view/view_context.h"

namespace ih::mock {

void writeIssue(json::JsonBuilder& out, const JiraModel& model, const Issue& issue, const ViewContext& ctx);
std::string issueJson(const JiraModel& model, const Issue& issue, const ViewContext& ctx);
void writeComment(json::JsonBuilder& out, const JiraModel& model, const Issue& issue, const Comment& comment,
                  const ViewContext& ctx);
std::string commentJson(const JiraModel& model, const Issue& issue, const Comment& comment, const ViewContext& ctx);
// {"startAt","maxResults","total","comments":[...]} as the comment resource and the
// issue's `comment` field render it.
void writeCommentPage(json::JsonBuilder& out, const JiraModel& model, const Issue& issue, const ViewContext& ctx);

}  // namespace ih::mock
