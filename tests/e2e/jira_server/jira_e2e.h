// tests/e2e/jira_server/jira_e2e.h - the Jira Server plugin end to end: a real
// mock-jira (seeded with an admin and a non-admin, a consumer whose RSA public
// key is generated for this run, a project, statuses, transitions and issues)
// and a real integration-host loading build/plugins/jira_server.so, driven
// only through the contract's HTTP API and the mock's control API. The
// seed and the API calls themselves live in jira_seed.h and jira_host_api.h
// (shared with the benchmarks); this fixture adds the assertions.
#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "host_process.h"
#include "jira_host_api.h"
#include "jira_seed.h"
#include "support/mock_jira_process.h"
#include "support/temp_dir.h"

namespace ih::e2e::jira {

inline constexpr const char* kAdmin = "jira-e2e-admin-token";
inline constexpr const char* kWebhookPath = "/extensions/jira-server/issue-updated/";

class JiraE2ETest : public ::testing::Test {
 protected:
  void TearDown() override;

  // Starts mock-jira at this Jira version, then the host.
  void start(const std::string& jiraVersion = "9.12.0");
  // Starts the host (again, after stopping a running one, on the same data
  // dir, port and hostArgs_).
  void startHost();

  // --- directory (admin token) -------------------------------------------------
  void createOrg(const std::string& slug, bool enableJira = true);
  std::string createUser(const std::string& email, bool verified = true);
  void addMember(const std::string& org, const std::string& userId, const std::string& role = "member");
  void createProject(const std::string& org, const std::string& project, const std::string& team,
                     const std::string& memberId);
  std::string createIssue(const std::string& org, const std::string& project, const std::string& title);
  Reply getIssue(const std::string& org, const std::string& issueId);
  std::string assigneeEmail(const std::string& org, const std::string& issueId);  // "" when unassigned
  Reply activities(const std::string& org, const std::string& issueId);

  // --- the install pipeline ------------------------------------------------------
  Reply initialize(const std::string& org);
  // Step 1 with the run's private key; returns the request token from oauthUrl.
  std::string submitInstallForm(const std::string& org, const std::string& pipelineId);
  // POST /_mock/oauth/approve as `jiraUser`: {"oauth_token","oauth_verifier"}.
  std::pair<std::string, std::string> approve(const std::string& requestToken, const std::string& jiraUser);
  Reply completeByApi(const std::string& org, const std::string& pipelineId, const std::string& body);
  ih::testing::HttpResponse completeByCallback(const std::string& query);
  // The whole API flow as `jiraUser`; returns the step-2 reply.
  Reply install(const std::string& org, const std::string& jiraUser = "alice");
  // The id of the org's only integration ("" when none).
  std::string integrationIdOf(const std::string& org);

  // Links the issue to the Jira key through the plugin's link action; fails
  // (with the host's answer) unless the link was created.
  ::testing::AssertionResult linkIssue(const std::string& org, const std::string& issueId,
                                       const std::string& integrationId, const std::string& key);
  Reply setConfig(const std::string& org, const std::string& integrationId, const std::string& configJson);

  // --- Jira side ---------------------------------------------------------------------
  rapidjson::Document mockJson(const std::string& method, const std::string& path, const std::string& body = "");
  std::string webhookUrl();  // the one registered webhook's URL ("" when none)
  size_t webhookCount();
  // Waits for the mock's deliveries list to hold `count` entries and returns it.
  rapidjson::Document waitForDeliveries(size_t count);

  // --- the host's job queue ------------------------------------------------------------
  // True when no job of `org` is pending (retries waiting included) or
  // running, read in one snapshot of the jobs list. A job commits the jobs it
  // enqueues before it is marked done, so this is the barrier before "and
  // nothing more was sent": every job that could still send something has.
  bool jobsSettled(const std::string& org);

  ih::testing::TempDir dir_;
  std::unique_ptr<ih::testing::MockJiraProcess> jira_;
  std::unique_ptr<HostProcess> host_;
  std::unique_ptr<JiraHostApi> api_;  // bound to host_ with the admin token
  std::vector<std::string> hostArgs_;  // more host options, e.g. --database
  std::vector<std::string> mockArgs_;  // more mock-jira options, e.g. --tls-cert
};

}  // namespace ih::e2e::jira
