#include "hostile_target.h"

#include <filesystem>
#include <iostream>
#include <stdexcept>

#include "jira_seed.h"
#include "support/eventually.h"
#include "support/json_helpers.h"
#include "support/test_paths.h"

namespace ih::e2e::hostile {

using ih::testing::jsonString;

std::unique_ptr<HostileTarget> HostileClient::target_;
std::string HostileClient::setUpError_;

namespace {

// Set-up runs outside any test, where ASSERT_* cannot stop it: a failed step
// throws, and every test then fails with the reason.
void require(bool ok, const std::string& what, const Reply* reply = nullptr) {
  if (!ok) throw std::runtime_error(what + (reply ? ": " + reply->describe() : ""));
}

std::string createUser(jira::JiraHostApi& admin, HostProcess& host, const std::string& email,
                       const std::string& role, std::string* token) {
  Reply user = admin.createUser(email);
  require(user.status == 201, "creating " + email, &user);
  Reply member = admin.addMember("acme", user.str("id"), role);
  require(member.status == 201, "adding " + email + " to acme", &member);
  Reply created = host.post("/api/0/users/" + user.str("id") + "/tokens/", "", kHostileAdmin);
  require(created.status == 201, "a token for " + email, &created);
  *token = created.str("token");
  return user.str("id");
}

// The plugins dir: the Jira plugin, a truncated copy of it named x.so (the
// dynamic loader would crash on it) and loop.so, a symlink to itself.
void plantPlugins(const ih::testing::TempDir& plugins) {
  const std::string real = ih::testing::pluginDir() + "/jira_server.so";
  std::filesystem::copy_file(real, plugins.file("jira_server.so"));
  const std::string elf = ih::testing::readFile(real);
  plugins.write("x.so", elf.substr(0, elf.size() / 3));
  std::filesystem::create_symlink("loop.so", plugins.file("loop.so"));
}

// The OAuth install of acme as the admin, approved in Jira by alice.
void installJira(HostileTarget& t) {
  Reply initialized = t.admin->initializeInstall("acme");
  require(initialized.status == 200, "initialising the install", &initialized);
  const std::string pipeline = initialized.str("pipelineId");
  Reply step1 = t.admin->submitInstallStep("acme", pipeline, jira::oauthInstallForm(t.jira->baseUrl()));
  require(step1.status == 200, "the install form", &step1);
  const std::string oauthUrl = ih::testing::jsonString(step1.json, "/data/oauthUrl");
  const std::string requestToken = oauthUrl.substr(oauthUrl.find("oauth_token=") + 12);
  auto approved = t.jira->control("POST", "/_mock/oauth/approve",
                                  R"({"oauthToken":")" + requestToken + R"(","user":"alice"})");
  require(approved.status == 200, "approving in Jira: " + approved.body);
  auto grant = ih::testing::parseJson(approved.body);
  Reply step2 = t.admin->submitInstallStep("acme", pipeline,
                                           R"({"oauthToken":")" + jsonString(grant, "/oauth_token") + "\"}");
  require(step2.status == 200, "completing the install", &step2);
}

std::unique_ptr<HostileTarget> launchTarget() {
  auto t = std::make_unique<HostileTarget>();
  plantPlugins(t->plugins);
  t->jira = ih::testing::MockJiraProcess::start(jira::jiraSeed(), {"--version", "9.12.0"});
  auto seeded = t->jira->control("POST", "/_mock/seed", jira::personalAccessTokenSeed(kReaderPat, "alice"));
  require(seeded.status == 200, "seeding the reader PAT: " + seeded.body);

  HostLaunch launch;
  launch.dataDir = t->dir.path() + "/data";
  launch.pluginsDir = t->plugins.path();
  launch.adminToken = kHostileAdmin;
  launch.extraArgs = {"--header-timeout-ms", std::to_string(kHeaderTimeoutMs), "--outbound-deny",
                      std::string("169.254.0.0/16,fe80::/10,0.0.0.0/8,") + kDeniedAddress + "/32"};
  t->host = std::make_unique<HostProcess>(launch);
  t->admin = std::make_unique<jira::JiraHostApi>(*t->host, kHostileAdmin);

  Reply org = t->admin->createOrganization("acme");
  require(org.status == 201, "creating acme", &org);
  Reply enabled = t->admin->setPluginEnabled("acme", "jira_server", true);
  require(enabled.status == 200, "enabling the Jira plugin", &enabled);
  t->bob = createUser(*t->admin, *t->host, "bob@example.test", "member", &t->bobToken);
  createUser(*t->admin, *t->host, "carol@example.test", "member", &t->carolToken);
  createUser(*t->admin, *t->host, "olivia@example.test", "owner", &t->oliviaToken);
  require(t->admin->createTeam("acme", "core").status == 201, "creating the team");
  require(t->admin->addTeamMember("acme", "core", t->bob).status == 201, "bob on the team");
  require(t->admin->createProject("acme", "web", "core").status == 201, "creating the project");
  Reply issue = t->admin->createIssue("acme", "web", "Disk full");
  require(issue.status == 201, "creating the issue", &issue);
  t->issue = issue.str("id");

  installJira(*t);
  Reply integrations = t->admin->integrations("acme");
  require(integrations.status == 200 && integrations.json.IsArray() && integrations.json.Size() == 1,
          "the installed integration", &integrations);
  t->integration = jsonString(integrations.json, "/0/id");
  Reply linked = t->admin->linkIssue("acme", t->issue, t->integration, "OPS-1");
  require(linked.status == 201, "linking OPS-1", &linked);
  Reply configured = t->admin->setConfig(
      "acme", t->integration,
      R"({"sync_forward_assignment":true,"sync_reverse_assignment":true,"sync_status_reverse":true,"sync_comments":true})");
  require(configured.status == 200, "turning the syncs on", &configured);
  const auto webhooks = jira::registeredWebhookUrls(*t->jira);
  require(webhooks.size() == 1, "one webhook registered in Jira");
  t->webhook = webhooks.front();
  return t;
}

// Starts the target before the first test and stops it after the last.
class HostileTargetEnvironment : public ::testing::Environment {
 public:
  void SetUp() override { HostileClient::startTarget(); }
  void TearDown() override { HostileClient::stopTarget(); }
};
const ::testing::Environment* const kHostileTargetEnvironment =
    ::testing::AddGlobalTestEnvironment(new HostileTargetEnvironment);

}  // namespace

void HostileClient::startTarget() {
  try {
    target_ = launchTarget();
  } catch (const std::exception& e) {
    setUpError_ = e.what();
  }
}

void HostileClient::stopTarget() {
  if (!target_) return;
  EXPECT_TRUE(target_->host->process().running()) << "the host survived every attack";
  EXPECT_EQ(target_->host->process().stop(), 0) << "and ends cleanly:\n" << target_->host->process().stderrText();
  target_.reset();
}

void HostileClient::SetUp() {
  if (!target_) GTEST_FAIL() << "the target did not start: " << setUpError_;
}

void HostileClient::TearDown() {
  if (!target_) return;
  EXPECT_TRUE(host().process().running()) << "the attack killed the host";
  EXPECT_TRUE(healthyWithin(std::chrono::seconds(1))) << "/healthz after the attack";
  if (HasFailure()) std::cerr << "--- host stderr:\n" << host().process().stderrText();
}

uint16_t HostileClient::hostPort() const { return static_cast<uint16_t>(target_->host->process().port()); }

bool HostileClient::healthyWithin(std::chrono::milliseconds timeout) {
  try {
    return ih::testing::httpRequest("GET", host().baseUrl() + "/healthz", "", {}, timeout).status == 200;
  } catch (const std::exception&) {
    return false;
  }
}

Reply HostileClient::postComment(const std::string& body) {
  return host().post("/api/0/organizations/acme/issues/" + target_->issue + "/comments/", body, target_->bobToken);
}

size_t HostileClient::activityCount() {
  Reply list = target_->admin->activities("acme", target_->issue);
  EXPECT_EQ(list.status, 200) << list.describe();
  return list.json.IsArray() ? list.json.Size() : 0;
}

bool HostileClient::jobsSettled() {
  if (!host().inboxDrained()) return false;
  Reply list = host().get("/api/0/organizations/acme/jobs/", kHostileAdmin);
  if (list.status != 200 || !list.json.IsArray()) return false;
  for (const auto& job : list.json.GetArray()) {
    const std::string state = jsonString(job, "/state");
    if (state == "pending" || state == "running") return false;
  }
  return true;
}

std::vector<std::string> HostileClient::jiraCommentBodies() {
  auto response = jira().jira("GET", "/rest/api/2/issue/OPS-1/comment", "",
                              {{"Authorization", std::string("Bearer ") + kReaderPat}});
  if (response.status != 200) return {"<HTTP " + std::to_string(response.status) + ">"};
  auto doc = ih::testing::parseJson(response.body);
  std::vector<std::string> bodies;
  for (const auto& comment : doc["comments"].GetArray()) bodies.push_back(jsonString(comment, "/body"));
  return bodies;
}

std::string HostileClient::assigneeEmail() {
  Reply issue = target_->admin->getIssue("acme", target_->issue);
  return ih::testing::jsonHas(issue.json, "/assignedTo/email") ? jsonString(issue.json, "/assignedTo/email") : "";
}

}  // namespace ih::e2e::hostile
