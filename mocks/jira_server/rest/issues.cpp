// Issue resources: read (every field, or those named in `fields`), create, edit and
// assign. On Jira >= 9 the removed global createmeta lands here too and, as on a real
// instance, is treated as an issue key.
#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "actions/jira_error.h"
#include "common/json.h"
#include "rest/resources.h"
#include "view/issue_view.h"

namespace ih::mock {
namespace {

// `?fields=a,b` keeps only those members of "fields", as Jira does (clients
// ask for one field to keep answers small); absent, `*all` or `*navigable`
// keep everything.
std::string withFieldsOnly(std::string json, const std::optional<std::string>& list) {
  if (!list || list->empty() || *list == "*all" || *list == "*navigable") return json;
  std::vector<std::string> wanted;
  for (size_t start = 0; start <= list->size();) {
    const size_t comma = std::min(list->find(',', start), list->size());
    wanted.push_back(list->substr(start, comma - start));
    start = comma + 1;
  }
  auto doc = parseJson(json);
  auto fields = doc.FindMember("fields");
  if (fields == doc.MemberEnd() || !fields->value.IsObject()) return json;
  for (auto it = fields->value.MemberBegin(); it != fields->value.MemberEnd();) {
    const bool keep = std::find(wanted.begin(), wanted.end(), it->name.GetString()) != wanted.end();
    it = keep ? it + 1 : fields->value.EraseMember(it);
  }
  return json::stringify(doc);
}

HttpResponse getIssue(const RestCall& call) {
  return renderJson(call, 200, [&](const JiraModel& model, const ViewContext& ctx) {
    const auto* issue = model.findIssue(call.param("key"));
    if (issue == nullptr) throw issueDoesNotExist();
    return withFieldsOnly(issueJson(model, *issue, ctx), call.request.queryParam("fields"));
  });
}

HttpResponse createIssue(const RestCall& call) {
  auto created = call.services.actions.create(call.jsonBody(), call.user);
  json::JsonBuilder out;
  out.beginObject()
      .field("id", created.id)
      .field("key", created.key)
      .field("self", call.services.baseUrl + "/rest/api/2/issue/" + created.id)
      .endObject();
  return HttpResponse::json(201, out.str());
}

HttpResponse editIssue(const RestCall& call) {
  call.services.actions.edit(call.param("key"), call.jsonBody(), call.user);
  return HttpResponse::noContent();
}

HttpResponse assignIssue(const RestCall& call) {
  auto body = call.jsonBody();
  const auto* name = json::member(body, "name");
  if (name == nullptr) throw JiraError::field(400, "assignee", "The 'name' field is required");
  std::optional<std::string> assignee = name->IsString() ? std::optional<std::string>(name->GetString()) : std::nullopt;
  call.services.actions.assign(call.param("key"), assignee, call.user);
  return HttpResponse::noContent();
}

}  // namespace

void registerIssueRoutes(RouteTable& routes) {
  routes.add("POST", "/rest/api/2/issue", createIssue);
  routes.add("GET", "/rest/api/2/issue/{key}", getIssue);
  routes.add("PUT", "/rest/api/2/issue/{key}", editIssue);
  routes.add("PUT", "/rest/api/2/issue/{key}/assignee", assignIssue);
}

}  // namespace ih::mock
