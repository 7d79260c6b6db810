#include "client/transition_api.h"

#include "client/issue_api.h"
#include "client/json_get.h"

namespace ih::jira {

namespace json = ihp::sdk::json;

ApiResult<std::vector<JiraTransition>> TransitionApi::list(std::string_view key, bool cached) const {
  json::Document doc;
  if (auto got = getJson(client_, IssueApi::issuePath(key) + "/transitions", cached, doc); !got) {
    return fail(got.error());
  }
  const json::Value* items = json::member(doc, "transitions");
  if (items == nullptr || !items->IsArray()) return fail(ApiError::invalidResponse("no transitions list"));
  std::vector<JiraTransition> transitions;
  for (const auto& item : items->GetArray()) {
    JiraTransition transition;
    transition.id = idText(item, "id");
    transition.name = json::stringOr(item, "name");
    if (const json::Value* to = json::member(item, "to"); to != nullptr && to->IsObject()) {
      std::string toId = idText(*to, "id");
      if (!toId.empty()) transition.toStatusId = std::move(toId);
    }
    if (!transition.id.empty()) transitions.push_back(std::move(transition));
  }
  return transitions;
}

ApiResult<Done> TransitionApi::perform(std::string_view key, std::string_view transitionId) const {
  json::JsonBuilder body;
  body.beginObject().key("transition").beginObject().field("id", transitionId).endObject().endObject();
  auto response = client_.sendJson("POST", IssueApi::issuePath(key) + "/transitions", body.str());
  if (!response) return fail(response.error());
  return Done{};
}

}  // namespace ih::jira
