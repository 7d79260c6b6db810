// User resources: myself, a single user, user search and assignable-user search.
// Server/DC takes `username=` (Cloud's `query=` is not supported, as on a real DC).
#include <algorithm>

#include "actions/issue_actions.h"
#include "actions/issue_fields.h"
#include "actions/jira_error.h"
#include "rest/resources.h"
#include "view/user_view.h"

namespace ih::mock {
namespace {

bool containsIgnoringCase(const std::string& haystack, const std::string& needle) {
  return lowercase(haystack).find(lowercase(needle)) != std::string::npos;
}

// Jira matches the query against name, display name and email (even when emails are hidden).
bool userMatches(const User& user, const std::string& query) {
  return containsIgnoringCase(user.name, query) || containsIgnoringCase(user.displayName, query) ||
         containsIgnoringCase(user.emailAddress, query);
}

std::string requiredQuery(const RestCall& call, const std::string& name) {
  auto value = call.request.queryParam(name);
  if (!value || value->empty()) throw JiraError::message(400, "The " + name + " query parameter was not provided");
  return *value;
}

template <typename Filter>
HttpResponse userList(const RestCall& call, const std::string& query, Filter filter) {
  const int startAt = std::max(0, call.intQuery("startAt", 0));
  const int maxResults = std::clamp(call.intQuery("maxResults", 50), 0, 1000);
  return renderJson(call, 200, [&](const JiraModel& model, const ViewContext& ctx) {
    json::JsonBuilder out;
    out.beginArray();
    int index = 0;
    for (const auto& user : model.users) {
      if (!userMatches(user, query) || !filter(model, user)) continue;
      if (index++ >= startAt && index - startAt <= maxResults) writeUser(out, user, ctx);
    }
    out.endArray();
    return out.str();
  });
}

HttpResponse myself(const RestCall& call) {
  return renderJson(call, 200, [&](const JiraModel& model, const ViewContext& ctx) {
    return userJson(requireUser(model, call.user), ctx);
  });
}

HttpResponse singleUser(const RestCall& call) {
  auto name = call.request.queryParam("username");
  auto key = call.request.queryParam("key");
  if (!name && !key) throw JiraError::message(400, "Either the 'username' or the 'key' query parameters need to be provided");
  return renderJson(call, 200, [&](const JiraModel& model, const ViewContext& ctx) {
    const User* user = name ? model.findUser(*name) : model.findUserByKey(*key);
    if (user == nullptr) throw JiraError::message(404, "The user named '" + name.value_or(key.value_or("")) + "' does not exist");
    return userJson(*user, ctx);
  });
}

HttpResponse searchUsers(const RestCall& call) {
  const auto query = requiredQuery(call, "username");
  const bool includeActive = call.request.queryParam("includeActive").value_or("true") != "false";
  const bool includeInactive = call.request.queryParam("includeInactive").value_or("false") == "true";
  return userList(call, query, [&](const JiraModel&, const User& user) {
    return user.active ? includeActive : includeInactive;
  });
}

HttpResponse searchAssignable(const RestCall& call) {
  auto project = call.request.queryParam("project");
  auto issueKey = call.request.queryParam("issueKey");
  if (!project && !issueKey) {
    throw JiraError::message(400, "Either the 'project' or the 'issueKey' query parameters need to be provided");
  }
  call.services.state.read([&](const JiraModel& model) {
    if (issueKey && model.findIssue(*issueKey) == nullptr) throw issueDoesNotExist();
    if (!issueKey && model.findProject(*project) == nullptr) {
      throw JiraError::message(404, "No project could be found with key '" + *project + "'.");
    }
    return 0;
  });
  const auto query = call.request.queryParam("username").value_or("");
  return userList(call, query, [](const JiraModel& model, const User& user) { return canBeAssigned(model, user.name); });
}

}  // namespace

void registerUserRoutes(RouteTable& routes) {
  routes.add("GET", "/rest/api/2/myself", myself);
  routes.add("GET", "/rest/api/2/user", singleUser);
  routes.add("GET", "/rest/api/2/user/search", searchUsers);
  routes.add("GET", "/rest/api/2/user/assignable/search", searchAssignable);
}

}  // namespace ih::mock
