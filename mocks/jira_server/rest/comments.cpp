// Comments of an issue: list (startAt/maxResults, expand=properties), add
// (201, with entity properties) and edit (200). Bodies are wiki-markup strings.
#include <algorithm>
#include <string_view>
#include <vector>

#include "actions/jira_error.h"
#include "common/json.h"
#include "rest/resources.h"
#include "view/issue_view.h"

namespace ih::mock {
namespace {

std::string bodyText(const RestCall& call) {
  auto body = call.jsonBody();
  return json::string(body, "body").value_or("");
}

// Jira's CommentJsonBean reads "properties" as [{"key": string, "value": object}]
// (each value becomes a JSON object property); the property resource caps keys at 255.
std::vector<CommentProperty> propertiesOf(const rapidjson::Value& body) {
  std::vector<CommentProperty> properties;
  const json::Value* list = json::member(body, "properties");
  if (list == nullptr || list->IsNull()) return properties;
  if (!list->IsArray()) throw JiraError::message(400, "properties must be a list of {key, value}");
  for (const auto& item : list->GetArray()) {
    const auto key = item.IsObject() ? json::string(item, "key") : std::nullopt;
    const json::Value* value = item.IsObject() ? json::member(item, "value") : nullptr;
    if (!key || key->empty() || key->size() > 255) throw JiraError::message(400, "The property key is invalid.");
    if (value == nullptr || !value->IsObject()) throw JiraError::message(400, "The property value must be a JSON object.");
    properties.push_back(CommentProperty{*key, json::stringify(*value)});
  }
  return properties;
}

bool expands(const RestCall& call, std::string_view what) {
  const auto expand = call.request.queryParam("expand").value_or("");
  return expand.find(what) != std::string::npos;
}

HttpResponse listComments(const RestCall& call) {
  CommentPageQuery query;
  query.startAt = static_cast<std::size_t>(std::max(0, call.intQuery("startAt", 0)));
  if (const int max = call.intQuery("maxResults", -1); max >= 0) query.maxResults = static_cast<std::size_t>(max);
  query.withProperties = expands(call, "properties");
  return renderJson(call, 200, [&](const JiraModel& model, const ViewContext& ctx) {
    const auto* issue = model.findIssue(call.param("key"));
    if (issue == nullptr) throw issueDoesNotExist();
    json::JsonBuilder out;
    writeCommentPage(out, model, *issue, ctx, query);
    return out.str();
  });
}

HttpResponse addComment(const RestCall& call) {
  auto body = call.jsonBody();
  return HttpResponse::json(201, call.services.actions.addComment(call.param("key"), json::stringOr(body, "body"),
                                                                  call.user, propertiesOf(body)));
}

HttpResponse editComment(const RestCall& call) {
  return HttpResponse::json(
      200, call.services.actions.editComment(call.param("key"), call.param("id"), bodyText(call), call.user));
}

}  // namespace

void registerCommentRoutes(RouteTable& routes) {
  routes.add("GET", "/rest/api/2/issue/{key}/comment", listComments);
  routes.add("POST", "/rest/api/2/issue/{key}/comment", addComment);
  routes.add("PUT", "/rest/api/2/issue/{key}/comment/{id}", editComment);
}

}  // namespace ih::mock
