#include "client/comment_api.h"

#include "client/issue_api.h"
#include "client/json_get.h"
#include "ihp/sdk/url.hpp"

namespace ih::jira {

namespace json = ihp::sdk::json;

namespace {
std::string bodyJson(std::string_view body) {
  json::JsonBuilder out;
  out.beginObject().field("body", body).endObject();
  return out.str();
}
}  // namespace

ApiResult<std::string> CommentApi::add(std::string_view issueKey, std::string_view body) const {
  auto response = client_.sendJson("POST", IssueApi::issuePath(issueKey) + "/comment", bodyJson(body));
  if (!response) return fail(response.error());
  json::Document doc;
  if (auto parsed = JiraClient::parseBody(response->body, doc); !parsed) return fail(parsed.error());
  std::string id = idText(doc, "id");
  if (id.empty()) return fail(ApiError::invalidResponse("the new comment has no id"));
  return id;
}

ApiResult<Done> CommentApi::update(std::string_view issueKey, std::string_view commentId, std::string_view body) const {
  auto response = client_.sendJson("PUT", IssueApi::issuePath(issueKey) + "/comment/" + ihp::sdk::url::percentEncode(commentId),
                                   bodyJson(body));
  if (!response) return fail(response.error());
  return Done{};
}

}  // namespace ih::jira
