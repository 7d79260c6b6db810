// client/comment_api.h - comments on a Jira issue (wiki-markup bodies): add
// one (201, its id comes back as a string) and edit one by id (200).
#pragma once

#include <string>
#include <string_view>

#include "client/jira_client.h"

namespace ih::jira {

class CommentApi {
 public:
  explicit CommentApi(const JiraClient& client) : client_(client) {}

  // POST /rest/api/2/issue/{key}/comment {"body"}; the new comment's id.
  ApiResult<std::string> add(std::string_view issueKey, std::string_view body) const;
  // PUT /rest/api/2/issue/{key}/comment/{id} {"body"}.
  ApiResult<Done> update(std::string_view issueKey, std::string_view commentId, std::string_view body) const;

 private:
  const JiraClient& client_;
};

}  // namespace ih::jira
