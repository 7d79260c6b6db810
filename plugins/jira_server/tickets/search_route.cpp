#include "tickets/search_route.h"

#include <cctype>
#include <charconv>
#include <map>
#include <string>

#include "client/autocomplete_api.h"
#include "client/issue_api.h"
#include "client/project_api.h"
#include "ihp/sdk/url.hpp"
#include "client/user_api.h"
#include "common/replies.h"
#include "tickets/issue_key.h"
#include "tickets/ticket_reply.h"

namespace ih::jira {

namespace json = ihp::sdk::json;

namespace {

struct Choice {
  std::string value;
  std::string label;
};

std::string pathParam(const ihp_request& request, std::string_view name) {
  for (size_t i = 0; i < request.path_param_count; ++i) {
    if (ihp::sdk::view(request.path_params[i].name) == name)
      return std::string(ihp::sdk::view(request.path_params[i].value));
  }
  return {};
}

std::map<std::string, std::string> queryParams(const ihp_request& request) {
  std::map<std::string, std::string> params;
  for (auto& [name, value] : ihp::sdk::url::parseQuery(ihp::sdk::view(request.query))) params.emplace(name, std::move(value));
  return params;
}

std::string param(const std::map<std::string, std::string>& params, const std::string& name) {
  auto it = params.find(name);
  return it == params.end() ? std::string() : it->second;
}

int64_t parseId(const std::string& text) {
  int64_t id = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
  return ec == std::errc() && end == text.data() + text.size() && id > 0 ? id : 0;
}

void replyChoices(ihp::sdk::Reply& reply, const std::vector<Choice>& choices) {
  json::JsonBuilder out;
  out.beginArray();
  for (const auto& choice : choices)
    out.beginObject().field("label", choice.label).field("value", choice.value).endObject();
  out.endArray();
  reply.json(200, out.str());
}

// "<displayName> - <email> (<name>)", the email part left out when Jira hides it.
std::string userLabel(const JiraUser& user) {
  std::string label = user.displayName;
  if (user.emailAddress) label += " - " + *user.emailAddress;
  return label + " (" + user.name + ")";
}

ihp_status searchIssues(const JiraClient& client, const std::string& query, ihp::sdk::Reply& reply) {
  auto hits = IssueApi(client).search(issueSearchJql(query));
  if (!hits) {
    replyDetail(reply, 400, jiraErrorDetail(hits.error()));
    return IHP_OK;
  }
  std::vector<Choice> choices;
  for (const auto& hit : hits.value()) choices.push_back({hit.key, "(" + hit.key + ") " + hit.summary});
  replyChoices(reply, choices);
  return IHP_OK;
}

ihp_status searchUsers(const JiraClient& client, const std::string& projectId, const std::string& query,
                       ihp::sdk::Reply& reply) {
  // An unknown project id searches with an empty key, as Sentry does (Jira then answers an error).
  auto projectKey = ProjectApi(client).keyOf(projectId);
  auto users = projectKey ? UserApi(client).assignable(AssignableScope::project(projectKey->value_or("")), query)
                          : ApiResult<std::vector<JiraUser>>(fail(projectKey.error()));
  if (!users) {
    client.host().info("search: user search failed (status " + std::to_string(users.error().status()) + ")");
    replyDetail(reply, 400, "Unable to fetch users from Jira");
    return IHP_OK;
  }
  std::vector<Choice> choices;
  for (const auto& user : users.value()) {
    if (!user.name.empty()) choices.push_back({user.name, userLabel(user)});
  }
  replyChoices(reply, choices);
  return IHP_OK;
}

ihp_status suggestValues(const JiraClient& client, const std::string& field, const std::string& query,
                         ihp::sdk::Reply& reply) {
  auto suggestions = AutocompleteApi(client).suggestions(field, query);
  if (!suggestions) {
    replyDetail(reply, 400, "Unable to fetch autocomplete for " + field + " from Jira");
    return IHP_OK;
  }
  std::vector<Choice> choices;
  for (const auto& suggestion : suggestions.value()) choices.push_back({suggestion.value, suggestion.label});
  replyChoices(reply, choices);
  return IHP_OK;
}

// The settings page's status mapping: the Jira projects (query filters by
// key or name), and one project's statuses.
ihp_status listProjects(const JiraClient& client, const std::string& query, ihp::sdk::Reply& reply) {
  auto projects = ProjectApi(client).list();
  if (!projects) {
    replyDetail(reply, 400, "Unable to fetch projects from Jira");
    return IHP_OK;
  }
  const auto lower = [](std::string text) {
    for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return text;
  };
  const std::string wanted = lower(query);
  std::vector<Choice> choices;
  for (const auto& project : projects.value()) {
    const std::string label = project.key + " - " + project.name;
    if (wanted.empty() || lower(label).find(wanted) != std::string::npos) choices.push_back({project.id, label});
  }
  replyChoices(reply, choices);
  return IHP_OK;
}

ihp_status listStatuses(const JiraClient& client, const std::string& projectId, ihp::sdk::Reply& reply) {
  if (projectId.empty()) {
    replyDetail(reply, 400, "project is a required parameter");
    return IHP_OK;
  }
  auto statuses = ProjectApi(client).statuses(projectId);
  if (!statuses) {
    replyDetail(reply, 400, "Unable to fetch the statuses of the project from Jira");
    return IHP_OK;
  }
  std::vector<Choice> choices;
  for (const auto& status : statuses.value()) choices.push_back({status.id, status.name});
  replyChoices(reply, choices);
  return IHP_OK;
}

}  // namespace

std::string issueSearchJql(std::string_view query) {
  if (isSearchIssueKey(query)) return "id=\"" + std::string(query) + "\"";
  std::string escaped;
  for (char c : query) {
    if (c == '"') escaped.push_back('\\');
    escaped.push_back(c);
  }
  return "text ~ \"" + escaped + "\"";
}

ihp_status handleSearch(const ihp::sdk::Host& host, const ihp_request& request, ihp::sdk::Reply& reply,
                        ResponseCache& cache) {
  const int64_t integrationId = parseId(pathParam(request, "integrationId"));
  ConnectionLoadError loadError;
  auto connection = integrationId == 0 || request.organization_id == 0
                        ? std::nullopt
                        : loadConnection(host, integrationId, request.organization_id, loadError);
  if (!connection) {
    if (integrationId != 0 && !loadError.permanent() && loadError.status != IHP_E_FORBIDDEN) {
      host.error("search: the integration could not be loaded: " + loadError.reason);
      return loadError.status;  // the host's trouble, not the caller's: a 500
    }
    // Not ours, not linked to this org, or gone: all the same to the caller.
    replyDetail(reply, 404, "The integration was not found.");
    return IHP_OK;
  }
  const auto params = queryParams(request);
  const std::string field = param(params, "field");
  const std::string query = param(params, "query");
  if (field.empty()) {
    replyDetail(reply, 400, "field is a required parameter");
    return IHP_OK;
  }
  // Lists that make sense without a query (the settings page's choices).
  const bool listing = field == "project" || field == "status";
  if (query.empty() && !listing) {
    replyDetail(reply, 400, "query is a required parameter");
    return IHP_OK;
  }

  JiraClient client(host, std::move(*connection), &cache);
  if (field == "externalIssue" || field == "parent") return searchIssues(client, query, reply);
  if (field == "project") return listProjects(client, query, reply);
  if (field == "status") return listStatuses(client, param(params, "project"), reply);
  if (field == "assignee" || field == "reporter") return searchUsers(client, param(params, "project"), query, reply);
  return suggestValues(client, field, query, reply);
}

}  // namespace ih::jira
