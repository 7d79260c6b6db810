#include "client/comment_api.h"

#include "client/issue_api.h"
#include "client/json_get.h"
#include "ihp/sdk/url.hpp"

namespace ih::jira {

namespace json = ihp::sdk::json;

namespace {

constexpr int kMarkerPageSize = 100;

std::string bodyJson(std::string_view body, std::string_view marker) {
  json::JsonBuilder out;
  out.beginObject().field("body", body);
  if (!marker.empty()) {
    out.key("properties").beginArray().beginObject().field("key", kCommentMarkerKey);
    out.key("value").beginObject().field("ref", marker).endObject();
    out.endObject().endArray();
  }
  out.endObject();
  return out.str();
}

bool carriesMarker(const json::Value& comment, std::string_view marker) {
  const json::Value* properties = json::member(comment, "properties");
  if (properties == nullptr || !properties->IsArray()) return false;
  for (const auto& property : properties->GetArray()) {
    if (!property.IsObject() || json::stringOr(property, "key") != kCommentMarkerKey) continue;
    const json::Value* value = json::member(property, "value");
    if (value != nullptr && value->IsObject() && json::stringOr(*value, "ref") == marker) return true;
  }
  return false;
}

}  // namespace

ApiResult<std::string> CommentApi::add(std::string_view issueKey, std::string_view body, std::string_view marker) const {
  auto response = client_.sendJson("POST", IssueApi::issuePath(issueKey) + "/comment", bodyJson(body, marker));
  if (!response) return fail(response.error());
  json::Document doc;
  if (auto parsed = JiraClient::parseBody(response->body, doc); !parsed) return fail(parsed.error());
  std::string id = idText(doc, "id");
  if (id.empty()) return fail(ApiError::invalidResponse("the new comment has no id"));
  return id;
}

ApiResult<Done> CommentApi::update(std::string_view issueKey, std::string_view commentId, std::string_view body) const {
  auto response = client_.sendJson("PUT", IssueApi::issuePath(issueKey) + "/comment/" + ihp::sdk::url::percentEncode(commentId),
                                   bodyJson(body, {}));
  if (!response) return fail(response.error());
  return Done{};
}

ApiResult<std::optional<std::string>> CommentApi::findMarked(std::string_view issueKey, std::string_view marker) const {
  int64_t startAt = 0;
  for (int page = 0; page < kMaxMarkerPages; ++page) {
    const std::string path = IssueApi::issuePath(issueKey) + "/comment?startAt=" + std::to_string(startAt) +
                             "&maxResults=" + std::to_string(kMarkerPageSize) + "&expand=properties";
    json::Document doc;
    if (auto got = getJson(client_, path, false, doc); !got) return fail(got.error());
    const json::Value* comments = json::member(doc, "comments");
    if (comments == nullptr || !comments->IsArray()) {
      return fail(ApiError::invalidResponse("the comment list has no comments"));
    }
    for (const auto& comment : comments->GetArray()) {
      if (!comment.IsObject() || !carriesMarker(comment, marker)) continue;
      if (std::string id = idText(comment, "id"); !id.empty()) return std::optional<std::string>(std::move(id));
    }
    startAt += static_cast<int64_t>(comments->Size());
    if (comments->Size() == 0 || startAt >= json::int64(doc, "total").value_or(0)) break;
  }
  return std::optional<std::string>();
}

}  // namespace ih::jira
