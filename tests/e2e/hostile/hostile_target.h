// tests/e2e/hostile/hostile_target.h - the one real host every attack of the
// hostile-client suite (label `hostile`, issue 9) is run against: mock-jira
// and integration-host as real processes, started once for the whole binary
// (one CTest test), so the suite proves that a single host survives every
// attack in turn, not just a fresh host each one. The host runs with a short
// request deadline, an outbound deny list naming 127.0.0.2 and a plugins dir
// that holds a truncated ELF and a symlink loop next to the Jira plugin.
// After every attack the fixture checks that the process still runs and
// /healthz from a fresh client answers 200 within a second.
#pragma once

#include <gtest/gtest.h>

#include <chrono>
#include <memory>
#include <string>

#include "host_process.h"
#include "jira_host_api.h"
#include "support/mock_jira_process.h"
#include "support/temp_dir.h"

namespace ih::e2e::hostile {

inline constexpr const char* kHostileAdmin = "hostile-e2e-admin-token";
inline constexpr const char* kReaderPat = "hostile-reader-pat";  // alice's PAT, to read tickets
// The request deadline the host runs with (--header-timeout-ms): short, so
// the slow-socket attack sees its dribblers closed within the suite's time.
inline constexpr int kHeaderTimeoutMs = 3000;
// The address the host's outbound deny list names (--outbound-deny ...,127.0.0.2/32).
inline constexpr const char* kDeniedAddress = "127.0.0.2";

// Everything the attacks share: the processes and an org "acme" whose issue
// is linked to OPS-1 with every sync on; bob and carol are plain members,
// olivia is an owner.
struct HostileTarget {
  ih::testing::TempDir dir, plugins;
  std::unique_ptr<ih::testing::MockJiraProcess> jira;
  std::unique_ptr<HostProcess> host;
  std::unique_ptr<jira::JiraHostApi> admin;
  std::string bob, bobToken, carolToken, oliviaToken;
  std::string issue, integration, webhook;
};

// The fixture of every attack. The target starts once per binary, before
// the first test (a gtest environment, so fixtures derived from this one
// share it too), and stops after the last, when it must end cleanly.
class HostileClient : public ::testing::Test {
 public:
  static void startTarget();
  static void stopTarget();

 protected:
  void SetUp() override;
  // The host is alive and /healthz answers 200 within a second.
  void TearDown() override;

  static HostileTarget& target() { return *target_; }
  HostProcess& host() { return *target_->host; }
  ih::testing::MockJiraProcess& jira() { return *target_->jira; }
  uint16_t hostPort() const;

  // GET /healthz from a fresh client: 200 within `timeout`.
  bool healthyWithin(std::chrono::milliseconds timeout);
  // bob's comment on the linked issue (POST .../comments/).
  Reply postComment(const std::string& body);
  // How many activities the linked issue has.
  size_t activityCount();
  // True when no job of acme is pending or running (one snapshot).
  bool jobsSettled();
  // The bodies of OPS-1's comments as Jira lists them, oldest first.
  std::vector<std::string> jiraCommentBodies();
  // The linked issue's assignee e-mail ("" when unassigned).
  std::string assigneeEmail();

 private:
  static std::unique_ptr<HostileTarget> target_;
  static std::string setUpError_;
};

}  // namespace ih::e2e::hostile
