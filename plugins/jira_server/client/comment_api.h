// client/comment_api.h - comments on a Jira issue (wiki-markup bodies): add
// one (201, its id comes back as a string), edit one by id (200), and find
// the one we posted earlier by its marker.
//
// The marker is a Jira comment property (`kCommentMarkerKey`, value
// {"ref": "<marker>"}) set in the same POST that creates the comment, so a
// comment never exists without it. When a POST's answer is lost (Jira applied
// it, then the connection or the host died), a retry looks for the marker
// before posting again: comment posting is effectively-once instead of
// at-least-once. Jira Server/DC accepts "properties" on create and lists them
// with expand=properties (CommentJsonBean); properties are stored with the
// comment and need no permission beyond commenting.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "client/jira_client.h"

namespace ih::jira {

// The comment property carrying our marker.
inline constexpr std::string_view kCommentMarkerKey = "integration-host.origin";

class CommentApi {
 public:
  explicit CommentApi(const JiraClient& client) : client_(client) {}

  // POST /rest/api/2/issue/{key}/comment {"body", "properties"?}; the new
  // comment's id. A non-empty `marker` is stored as the kCommentMarkerKey property.
  ApiResult<std::string> add(std::string_view issueKey, std::string_view body, std::string_view marker = {}) const;
  // PUT /rest/api/2/issue/{key}/comment/{id} {"body"}.
  ApiResult<Done> update(std::string_view issueKey, std::string_view commentId, std::string_view body) const;
  // The id of the issue's comment carrying `marker`, if any: GET .../comment
  // ?expand=properties, page by page (at most kMaxMarkerPages pages of 100).
  ApiResult<std::optional<std::string>> findMarked(std::string_view issueKey, std::string_view marker) const;

  static constexpr int kMaxMarkerPages = 50;

 private:
  const JiraClient& client_;
};

}  // namespace ih::jira
