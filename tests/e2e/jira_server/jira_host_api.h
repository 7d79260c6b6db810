// tests/e2e/jira_server/jira_host_api.h - the contract's HTTP API calls a
// Jira Server scenario makes against a real integration-host (directory,
// issues, the install pipeline, links, integration config), as one place that
// knows the paths and bodies. Shared by the e2e tests, which add gtest
// assertions, and the benchmarks, which need the same set-up; no gtest here.
// Every call answers the host's Reply and checks nothing, so callers decide
// what an unexpected status means.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include <rapidjson/document.h>

#include "host_process.h"
#include "support/mock_jira_process.h"

namespace ih::e2e::jira {

class JiraHostApi {
 public:
  JiraHostApi(HostProcess& host, std::string adminToken);

  // --- directory ------------------------------------------------------------------
  Reply createOrganization(const std::string& slug);
  Reply setPluginEnabled(const std::string& org, const std::string& pluginKey, bool enabled);
  Reply createUser(const std::string& email, bool verified = true);
  Reply addMember(const std::string& org, const std::string& userId, const std::string& role = "member");
  Reply createTeam(const std::string& org, const std::string& team);
  Reply addTeamMember(const std::string& org, const std::string& team, const std::string& userId);
  Reply createProject(const std::string& org, const std::string& project, const std::string& team);

  // --- issues -----------------------------------------------------------------------
  Reply createIssue(const std::string& org, const std::string& project, const std::string& title);
  Reply getIssue(const std::string& org, const std::string& issueId);
  Reply updateIssue(const std::string& org, const std::string& issueId, const std::string& body);
  Reply activities(const std::string& org, const std::string& issueId);

  // --- the install pipeline and integrations ------------------------------------------
  Reply initializeInstall(const std::string& org);
  Reply submitInstallStep(const std::string& org, const std::string& pipelineId, const std::string& body);
  Reply integrations(const std::string& org);
  Reply linkIssue(const std::string& org, const std::string& issueId, const std::string& integrationId,
                  const std::string& key);
  Reply setConfig(const std::string& org, const std::string& integrationId, const std::string& configJson);

  const std::string& adminToken() const { return adminToken_; }

 private:
  HostProcess& host_;
  std::string adminToken_;
};

// The URLs of the webhooks registered in the mock (GET /_mock/webhooks);
// throws std::runtime_error when the mock does not answer 200.
std::vector<std::string> registeredWebhookUrls(const ih::testing::MockJiraProcess& jira);

// How many of the mock's delivery attempts (GET /_mock/deliveries) are over:
// answered with a status or failed, not still queued.
size_t answeredDeliveries(const rapidjson::Value& attempts);

}  // namespace ih::e2e::jira
