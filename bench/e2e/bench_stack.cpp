#include "e2e/bench_stack.h"

#include <chrono>
#include <iostream>
#include <stdexcept>

#include "jira_seed.h"
#include "support/json_helpers.h"
#include "support/test_paths.h"

namespace ih::bench {

using ih::e2e::Reply;

namespace {

constexpr const char* kAdminToken = "bench-admin-token";
constexpr const char* kInstallPat = "bench-install-pat";
constexpr const char* kLoadConfig = R"({"sync_reverse_assignment":true,"sync_status_reverse":true})";

}  // namespace

BenchStack::BenchStack(StackOptions options) : options_(std::move(options)) {
  jira_ = ih::testing::MockJiraProcess::start(ih::e2e::jira::jiraSeed(options_.loadTickets + 1));
  ih::e2e::HostLaunch launch;
  launch.dataDir = hostDataDir();
  launch.pluginsDir = ih::testing::pluginDir();
  launch.adminToken = kAdminToken;
  for (const auto& [name, value] : options_.hostEnv) launch.env[name] = value;
  launch.extraArgs.insert(launch.extraArgs.end(), options_.hostArgs.begin(), options_.hostArgs.end());
  host_ = std::make_unique<ih::e2e::HostProcess>(launch);
  api_ = std::make_unique<ih::e2e::jira::JiraHostApi>(*host_, kAdminToken);
}

BenchStack::~BenchStack() {
  api_.reset();
  const int hostExit = host_->process().stop(std::chrono::seconds(30));
  if (hostExit != 0) std::cerr << "ih-bench-e2e: the host exited with " << hostExit << "\n";
  jira_->stop();
}

std::string BenchStack::loadTicketKey(int index) const { return "OPS-" + std::to_string(index + 1); }

std::string BenchStack::outboundTicketKey() const { return "OPS-" + std::to_string(options_.loadTickets + 1); }

Reply BenchStack::expect(Reply reply, int status, const std::string& what) {
  if (reply.status != status) throw std::runtime_error(what + ": expected " + std::to_string(status) + ", got " +
                                                       reply.describe());
  return reply;
}

void BenchStack::setUp() {
  createDirectory();
  installIntegration();
  linkTickets();
  expect(api_->setConfig(kOrg, integrationId_, kLoadConfig), 200, "integration config");
}

void BenchStack::createDirectory() {
  expect(api_->createOrganization(kOrg), 201, "create org");
  expect(api_->setPluginEnabled(kOrg, "jira_server", true), 200, "enable plugin");
  expect(api_->createTeam(kOrg, "core"), 201, "create team");
  for (const char* email : {"alice@example.test", "bob@example.test"}) {
    const std::string userId = expect(api_->createUser(email), 201, "create user").str("id");
    expect(api_->addMember(kOrg, userId), 201, "add member");
    expect(api_->addTeamMember(kOrg, "core", userId), 201, "add team member");
  }
  expect(api_->createProject(kOrg, "web", "core"), 201, "create project");
}

void BenchStack::installIntegration() {
  auto seeded = jira_->control("POST", "/_mock/seed", ih::e2e::jira::personalAccessTokenSeed(kInstallPat, "alice"));
  if (seeded.status != 200) throw std::runtime_error("seeding the PAT: " + seeded.body);
  const std::string pipelineId = expect(api_->initializeInstall(kOrg), 200, "initialize install").str("pipelineId");
  expect(api_->submitInstallStep(kOrg, pipelineId, ih::e2e::jira::patInstallForm(jira_->baseUrl(), kInstallPat)), 200,
         "PAT install");
  Reply integrations = expect(api_->integrations(kOrg), 200, "list integrations");
  integrationId_ = ih::testing::jsonString(integrations.json, "/0/id");
  externalId_ = ih::testing::jsonString(integrations.json, "/0/externalId");

  auto urls = ih::e2e::jira::registeredWebhookUrls(*jira_);
  if (urls.size() != 1) throw std::runtime_error("expected one registered webhook, got " + std::to_string(urls.size()));
  const std::string& url = urls.front();
  const size_t path = url.find("/extensions/");
  if (path == std::string::npos) throw std::runtime_error("unexpected webhook URL " + url);
  webhookPath_ = url.substr(path);
}

void BenchStack::linkTickets() {
  for (int index = 0; index <= options_.loadTickets; ++index) {
    const std::string key = "OPS-" + std::to_string(index + 1);
    const std::string issueId =
        expect(api_->createIssue(kOrg, "web", "Issue for " + key), 201, "create issue").str("id");
    expect(api_->linkIssue(kOrg, issueId, integrationId_, key), 201, "link " + key);
    issueIds_.push_back(issueId);
  }
}

void BenchStack::setForwardAssignment(bool on) {
  expect(api_->setConfig(kOrg, integrationId_, on ? R"({"sync_forward_assignment":true})"
                                                  : R"({"sync_forward_assignment":false})"),
         200, "forward assignment config");
}

}  // namespace ih::bench
