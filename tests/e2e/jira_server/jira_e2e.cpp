#include "jira_e2e.h"

#include <iostream>

#include "support/eventually.h"
#include "support/json_helpers.h"
#include "support/test_paths.h"

namespace ih::e2e::jira {

void JiraE2ETest::start(const std::string& jiraVersion) {
  std::vector<std::string> args = {"--version", jiraVersion};
  args.insert(args.end(), mockArgs_.begin(), mockArgs_.end());
  jira_ = ih::testing::MockJiraProcess::start(jiraSeed(), args);
  startHost();
}

void JiraE2ETest::startHost() {
  HostLaunch launch;
  launch.dataDir = dir_.path() + "/data";
  launch.pluginsDir = ih::testing::pluginDir();
  launch.adminToken = kAdmin;
  launch.extraArgs = hostArgs_;
  if (host_) {
    launch.port = static_cast<uint16_t>(host_->process().port());  // the webhook registered in Jira names it
    // A host a test killed is gone already; a running one must end cleanly.
    if (host_->process().running()) {
      EXPECT_EQ(host_->process().stop(), 0) << "SIGTERM must end the host cleanly";
    }
  }
  api_.reset();
  host_.reset();
  host_ = std::make_unique<HostProcess>(launch);
  api_ = std::make_unique<JiraHostApi>(*host_, kAdmin);
}

void JiraE2ETest::TearDown() {
  if (!HasFailure()) return;
  if (host_) std::cerr << "--- host stderr:\n" << host_->process().stderrText();
  if (jira_) std::cerr << "--- mock-jira stderr:\n" << jira_->process().stderrText();
}

void JiraE2ETest::createOrg(const std::string& slug, bool enableJira) {
  Reply created = api_->createOrganization(slug);
  ASSERT_EQ(created.status, 201) << created.describe();
  if (enableJira) {
    Reply enabled = api_->setPluginEnabled(slug, "jira_server", true);
    ASSERT_EQ(enabled.status, 200) << enabled.describe();
  }
}

std::string JiraE2ETest::createUser(const std::string& email, bool verified) {
  Reply created = api_->createUser(email, verified);
  EXPECT_EQ(created.status, 201) << created.describe();
  return created.str("id");
}

void JiraE2ETest::addMember(const std::string& org, const std::string& userId, const std::string& role) {
  Reply added = api_->addMember(org, userId, role);
  ASSERT_EQ(added.status, 201) << added.describe();
}

void JiraE2ETest::createProject(const std::string& org, const std::string& project, const std::string& team,
                                const std::string& memberId) {
  ASSERT_EQ(api_->createTeam(org, team).status, 201);
  ASSERT_EQ(api_->addTeamMember(org, team, memberId).status, 201);
  Reply created = api_->createProject(org, project, team);
  ASSERT_EQ(created.status, 201) << created.describe();
}

std::string JiraE2ETest::createIssue(const std::string& org, const std::string& project, const std::string& title) {
  Reply created = api_->createIssue(org, project, title);
  EXPECT_EQ(created.status, 201) << created.describe();
  return created.str("id");
}

Reply JiraE2ETest::getIssue(const std::string& org, const std::string& issueId) { return api_->getIssue(org, issueId); }

std::string JiraE2ETest::assigneeEmail(const std::string& org, const std::string& issueId) {
  Reply issue = getIssue(org, issueId);
  const char* pointer = "/assignedTo/email";
  return ih::testing::jsonHas(issue.json, pointer) ? ih::testing::jsonString(issue.json, pointer) : "";
}

Reply JiraE2ETest::activities(const std::string& org, const std::string& issueId) {
  return api_->activities(org, issueId);
}

Reply JiraE2ETest::initialize(const std::string& org) { return api_->initializeInstall(org); }

std::string JiraE2ETest::submitInstallForm(const std::string& org, const std::string& pipelineId) {
  Reply step1 = api_->submitInstallStep(org, pipelineId, oauthInstallForm(jira_->baseUrl()));
  EXPECT_EQ(step1.status, 200) << step1.describe();
  if (step1.status != 200) return {};
  EXPECT_EQ(step1.str("status"), "advance");
  const std::string oauthUrl = ih::testing::jsonString(step1.json, "/data/oauthUrl");
  const std::string expected = jira_->baseUrl() + "/plugins/servlet/oauth/authorize?oauth_token=";
  EXPECT_EQ(oauthUrl.rfind(expected, 0), 0u) << oauthUrl;
  return oauthUrl.substr(expected.size());
}

std::pair<std::string, std::string> JiraE2ETest::approve(const std::string& requestToken, const std::string& jiraUser) {
  auto approved = jira_->control("POST", "/_mock/oauth/approve",
                                 R"({"oauthToken":")" + requestToken + R"(","user":")" + jiraUser + "\"}");
  EXPECT_EQ(approved.status, 200) << approved.body;
  auto doc = ih::testing::parseJson(approved.body);
  return {ih::testing::jsonString(doc, "/oauth_token"), ih::testing::jsonString(doc, "/oauth_verifier")};
}

Reply JiraE2ETest::completeByApi(const std::string& org, const std::string& pipelineId, const std::string& body) {
  return api_->submitInstallStep(org, pipelineId, body);
}

ih::testing::HttpResponse JiraE2ETest::completeByCallback(const std::string& query) {
  return ih::testing::httpRequest("GET", host_->baseUrl() + "/extensions/jira_server/setup/?" + query);
}

Reply JiraE2ETest::install(const std::string& org, const std::string& jiraUser) {
  Reply initialized = initialize(org);
  EXPECT_EQ(initialized.status, 200) << initialized.describe();
  const std::string pipelineId = initialized.str("pipelineId");
  const std::string requestToken = submitInstallForm(org, pipelineId);
  auto [token, verifier] = approve(requestToken, jiraUser);
  return completeByApi(org, pipelineId, R"({"oauthToken":")" + token + "\"}");
}

std::string JiraE2ETest::integrationIdOf(const std::string& org) {
  Reply list = api_->integrations(org);
  EXPECT_EQ(list.status, 200) << list.describe();
  if (!list.json.IsArray() || list.json.Empty()) return {};
  return ih::testing::jsonString(list.json, "/0/id");
}

::testing::AssertionResult JiraE2ETest::linkIssue(const std::string& org, const std::string& issueId,
                                                  const std::string& integrationId, const std::string& key) {
  Reply linked = api_->linkIssue(org, issueId, integrationId, key);
  if (linked.status == 201) return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure() << "linking issue " << issueId << " to " << key << ": " << linked.describe();
}

Reply JiraE2ETest::setConfig(const std::string& org, const std::string& integrationId, const std::string& configJson) {
  return api_->setConfig(org, integrationId, configJson);
}

rapidjson::Document JiraE2ETest::mockJson(const std::string& method, const std::string& path, const std::string& body) {
  auto response = jira_->control(method, path, body);
  EXPECT_EQ(response.status, 200) << method << " " << path << " -> " << response.body;
  return ih::testing::parseJson(response.body);
}

size_t JiraE2ETest::webhookCount() { return registeredWebhookUrls(*jira_).size(); }

std::string JiraE2ETest::webhookUrl() {
  auto urls = registeredWebhookUrls(*jira_);
  return urls.empty() ? std::string() : urls.front();
}

bool JiraE2ETest::jobsSettled(const std::string& org) {
  if (!host_->inboxDrained()) return false;  // a stored delivery may still queue jobs
  Reply list = host_->get("/api/0/organizations/" + org + "/jobs/", kAdmin);
  if (list.status != 200 || !list.json.IsArray()) return false;
  for (const auto& job : list.json.GetArray()) {
    const std::string state = ih::testing::jsonString(job, "/state");
    if (state == "pending" || state == "running") return false;
  }
  return true;
}

rapidjson::Document JiraE2ETest::waitForDeliveries(size_t count) {
  rapidjson::Document deliveries;
  ih::testing::eventually(
      [&] {
        deliveries = mockJson("GET", "/_mock/deliveries");
        return answeredDeliveries(deliveries) >= count;
      },
      std::chrono::seconds(5));
  return deliveries;
}

}  // namespace ih::e2e::jira
