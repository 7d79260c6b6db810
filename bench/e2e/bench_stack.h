// bench/e2e/bench_stack.h - the system under load: a real mock-jira and a
// real integration-host (Release build, the jira_server plugin from
// build/plugins, SQLite in a temporary data dir), set up through the
// contract's API only: org "acme" with the plugin on, alice and bob on the
// team of project "web", a PAT install, tickets OPS-1..OPS-<n+1> each linked
// to its own host issue, reverse assignment and reverse status sync on.
// Tickets 1..n carry the webhook load; ticket n+1 is kept for the outbound
// latency runs, so those never disturb the load's watermarks.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "host_process.h"
#include "jira_host_api.h"
#include "support/mock_jira_process.h"
#include "support/temp_dir.h"

namespace ih::bench {

struct StackOptions {
  int loadTickets = 1000;
  // Extra environment of the host, e.g. heaptrack's LD_PRELOAD and DUMP_HEAPTRACK_OUTPUT.
  std::map<std::string, std::string> hostEnv;
  // Extra command-line arguments of the host, e.g. --durability relaxed.
  std::vector<std::string> hostArgs;
};

class BenchStack {
 public:
  static constexpr const char* kOrg = "acme";

  // Starts both processes; the host with the plugin loaded, nothing set up yet.
  explicit BenchStack(StackOptions options);
  // Stops the host with SIGTERM and waits, so a profiler preloaded into it
  // (heaptrack) sees a clean exit rather than a kill.
  ~BenchStack();
  BenchStack(const BenchStack&) = delete;
  BenchStack& operator=(const BenchStack&) = delete;
  // Creates the org, users, project, install, issues and links; throws
  // std::runtime_error on any unexpected answer.
  void setUp();

  int loadTickets() const { return options_.loadTickets; }
  std::string loadTicketKey(int index) const;  // 0-based: OPS-1 .. OPS-n
  std::string outboundTicketKey() const;       // OPS-(n+1)
  const std::string& outboundIssueId() const { return issueIds_.back(); }
  const std::string& loadIssueId(int index) const { return issueIds_.at(static_cast<size_t>(index)); }
  // The path (with its token) of the webhook the install registered in Jira.
  const std::string& webhookPath() const { return webhookPath_; }
  // The integration's external id: the `id` claim of webhook tokens.
  const std::string& externalId() const { return externalId_; }

  ih::e2e::jira::JiraHostApi& api() { return *api_; }
  ih::testing::MockJiraProcess& jira() { return *jira_; }
  ih::e2e::HostProcess& host() { return *host_; }
  // The host's data dir (its secret-key file lets a second host join the same database).
  std::string hostDataDir() const { return dir_.path() + "/data"; }
  pid_t hostPid() { return host_->process().pid(); }
  pid_t jiraPid() { return jira_->process().pid(); }

  // Turns forward assignment sync on or off (the outbound latency runs need it).
  void setForwardAssignment(bool on);

 private:
  ih::e2e::Reply expect(ih::e2e::Reply reply, int status, const std::string& what);
  void createDirectory();
  void installIntegration();
  void linkTickets();

  StackOptions options_;
  ih::testing::TempDir dir_;
  std::unique_ptr<ih::testing::MockJiraProcess> jira_;
  std::unique_ptr<ih::e2e::HostProcess> host_;
  std::unique_ptr<ih::e2e::jira::JiraHostApi> api_;
  std::string integrationId_;
  std::string externalId_;
  std::string webhookPath_;
  std::vector<std::string> issueIds_;  // per ticket, OPS-1 first
};

}  // namespace ih::bench
