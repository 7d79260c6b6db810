#include "jira_host_api.h"

#include <stdexcept>

#include "ihp/sdk/json.hpp"
#include "support/json_helpers.h"

namespace ih::e2e::jira {

using ihp::sdk::json::JsonBuilder;

namespace {

std::string orgPath(const std::string& org) { return "/api/0/organizations/" + org; }

// {"<key>": "<value>"} with the value escaped.
std::string singleField(const char* key, const std::string& value) {
  JsonBuilder body;
  body.beginObject().field(key, value).endObject();
  return body.str();
}

}  // namespace

JiraHostApi::JiraHostApi(HostProcess& host, std::string adminToken) : host_(host), adminToken_(std::move(adminToken)) {}

Reply JiraHostApi::createOrganization(const std::string& slug) {
  JsonBuilder body;
  body.beginObject().field("slug", slug).field("name", slug).endObject();
  return host_.post("/api/0/organizations/", body.str(), adminToken_);
}

Reply JiraHostApi::setPluginEnabled(const std::string& org, const std::string& pluginKey, bool enabled) {
  return host_.put(orgPath(org) + "/plugins/" + pluginKey + "/",
                   enabled ? R"({"enabled":true})" : R"({"enabled":false})", adminToken_);
}

Reply JiraHostApi::createUser(const std::string& email, bool verified) {
  JsonBuilder body;
  body.beginObject().field("email", email).field("name", email).key("emails").beginArray().beginObject()
      .field("email", email).field("verified", verified).endObject().endArray().endObject();
  return host_.post("/api/0/users/", body.str(), adminToken_);
}

Reply JiraHostApi::addMember(const std::string& org, const std::string& userId, const std::string& role) {
  JsonBuilder body;
  body.beginObject().field("userId", userId).field("role", role).endObject();
  return host_.post(orgPath(org) + "/members/", body.str(), adminToken_);
}

Reply JiraHostApi::createTeam(const std::string& org, const std::string& team) {
  return host_.post(orgPath(org) + "/teams/", singleField("slug", team), adminToken_);
}

Reply JiraHostApi::addTeamMember(const std::string& org, const std::string& team, const std::string& userId) {
  return host_.post(orgPath(org) + "/teams/" + team + "/members/", singleField("userId", userId), adminToken_);
}

Reply JiraHostApi::createProject(const std::string& org, const std::string& project, const std::string& team) {
  JsonBuilder body;
  body.beginObject().field("slug", project).key("teams").beginArray().value(team).endArray().endObject();
  return host_.post(orgPath(org) + "/projects/", body.str(), adminToken_);
}

Reply JiraHostApi::createIssue(const std::string& org, const std::string& project, const std::string& title) {
  return host_.post("/api/0/projects/" + org + "/" + project + "/issues/", singleField("title", title), adminToken_);
}

Reply JiraHostApi::getIssue(const std::string& org, const std::string& issueId) {
  return host_.get(orgPath(org) + "/issues/" + issueId + "/", adminToken_);
}

Reply JiraHostApi::updateIssue(const std::string& org, const std::string& issueId, const std::string& body) {
  return host_.put(orgPath(org) + "/issues/" + issueId + "/", body, adminToken_);
}

Reply JiraHostApi::activities(const std::string& org, const std::string& issueId) {
  return host_.get(orgPath(org) + "/issues/" + issueId + "/activities/", adminToken_);
}

Reply JiraHostApi::initializeInstall(const std::string& org) {
  return host_.post(orgPath(org) + "/pipeline/integration/", R"({"action":"initialize","provider":"jira_server"})",
                    adminToken_);
}

Reply JiraHostApi::submitInstallStep(const std::string& org, const std::string& pipelineId, const std::string& body) {
  return host_.post(orgPath(org) + "/pipeline/integration/" + pipelineId + "/", body, adminToken_);
}

Reply JiraHostApi::integrations(const std::string& org) {
  return host_.get(orgPath(org) + "/integrations/", adminToken_);
}

Reply JiraHostApi::linkIssue(const std::string& org, const std::string& issueId, const std::string& integrationId,
                             const std::string& key) {
  JsonBuilder body;
  body.beginObject().field("action", "link").field("externalIssue", key).endObject();
  return host_.post(orgPath(org) + "/issues/" + issueId + "/integrations/" + integrationId + "/", body.str(),
                    adminToken_);
}

Reply JiraHostApi::setConfig(const std::string& org, const std::string& integrationId, const std::string& configJson) {
  return host_.put(orgPath(org) + "/integrations/" + integrationId + "/", R"({"config":)" + configJson + "}",
                   adminToken_);
}

std::vector<std::string> registeredWebhookUrls(const ih::testing::MockJiraProcess& jira) {
  auto response = jira.control("GET", "/_mock/webhooks");
  if (response.status != 200) {
    throw std::runtime_error("GET /_mock/webhooks -> " + std::to_string(response.status) + " " + response.body);
  }
  std::vector<std::string> urls;
  auto hooks = ih::testing::parseJson(response.body);
  if (!hooks.IsArray()) return urls;
  for (const auto& hook : hooks.GetArray()) urls.push_back(ih::testing::jsonString(hook, "/url"));
  return urls;
}

size_t answeredDeliveries(const rapidjson::Value& attempts) {
  if (!attempts.IsArray()) return 0;
  size_t answered = 0;
  for (const auto& attempt : attempts.GetArray()) {
    const bool status = attempt.HasMember("status") && attempt["status"].IsInt();
    const bool error = attempt.HasMember("error") && attempt["error"].IsString();
    if (status || error) ++answered;
  }
  return answered;
}

}  // namespace ih::e2e::jira
