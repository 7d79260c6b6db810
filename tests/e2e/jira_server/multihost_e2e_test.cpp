// Several integration-host processes on one PostgreSQL database against one
// mock-jira (issue 11): jobs are leased, not reset at start-up; a host killed
// with running jobs has them finished by a survivor within lease + 5 s; a
// host with another secret key refuses to start; changes made through
// alternating hosts reach Jira exactly once each and in order, also while one
// host restarts or is killed; every host decides a Jira status from the same
// categories; a plugin switched off through one host stops acting on the
// other at once.
//
// One CTest test for the binary (labels e2e and postgres), so the throwaway
// server starts once; skipped when PostgreSQL's binaries are not installed.
#include <gtest/gtest.h>
#include <signal.h>

#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <set>
#include <thread>
#include <string>
#include <vector>

#include "outbound_e2e.h"
#include "storage/database.h"
#include "storage/query.h"
#include "support/eventually.h"
#include "support/http_client.h"
#include "support/json_helpers.h"
#include "support/test_paths.h"
#include "support/postgres_server.h"

namespace ih::e2e::jira {
namespace {

using namespace std::chrono_literals;

// Short, so lease expiry is quick to observe; long against the renewal period.
constexpr int kLeaseMs = 2000;

class MultiHostE2E : public OutboundE2E {
 protected:
  void SetUp() override {
    std::string whyNot;
    server_ = ih::test::PostgresServer::instance(whyNot);
    if (server_ == nullptr) GTEST_SKIP() << whyNot;
    databaseUrl_ = server_->createDatabase(/*migrated=*/false);
    hostArgs_ = {"--database", databaseUrl_, "--job-lease-ms", std::to_string(kLeaseMs)};
    OutboundE2E::SetUp();  // host A (host_), installed and linked to OPS-1
  }

  void TearDown() override {
    if (HasFailure() && other_) std::cerr << "--- host B stderr:\n" << other_->process().stderrText();
    OutboundE2E::TearDown();
    api_.reset();
    other_.reset();
    host_.reset();  // connections must go before the database can be dropped
    if (server_ != nullptr) server_->dropDatabase(databaseUrl_);
  }

  // Host B: its own data dir, the same database, key file and admin token.
  HostLaunch otherLaunch(const std::string& keyFile) {
    HostLaunch launch;
    launch.dataDir = dir_.path() + "/data-b";
    launch.pluginsDir = ih::testing::pluginDir();
    launch.adminToken = kAdmin;
    launch.extraArgs = hostArgs_;
    launch.extraArgs.insert(launch.extraArgs.end(), {"--secret-key-file", keyFile});
    return launch;
  }
  std::string sharedKeyFile() const { return dir_.path() + "/data/secret-key"; }
  void startOther() { other_ = std::make_unique<HostProcess>(otherLaunch(sharedKeyFile())); }

  std::unique_ptr<host::storage::Database> openDirectly() {
    return host::storage::Database::open(databaseUrl_, {.maxConnections = 1});
  }
  int64_t count(const std::string& sql) {
    auto db = openDirectly();  // outlives its unit of work
    return host::storage::Query(*db->begin(), sql).scalarInt64();
  }
  // The owner and attempt of the only running job ("" when none runs).
  std::string runningClaim() {
    auto db = openDirectly();
    auto uow = db->begin();
    auto row = host::storage::Query(*uow, "SELECT owner, attempts FROM jobs WHERE state = 'running'").one();
    return row ? row->text(0) + "#" + row->text(1) : "";
  }

  // Makes a change in Jira through mock-jira's control route and delivers
  // the webhooks it sends to `to` instead of the registered host, each
  // payload first passed through `edit`.
  void changeInJiraDeliveredTo(const std::string& controlPath, const std::string& change, HostProcess& to,
                               const std::function<void(rapidjson::Document&)>& edit) {
    deliverChangeTo(controlPath, change, to, edit);
    if (::testing::Test::HasFatalFailure()) return;
    // The 200 promises the delivery is stored; tests read what it did.
    ASSERT_TRUE(within(10s, [&] { return count("SELECT count(*) FROM webhook_inbox") == 0; }))
        << "a stored delivery was not applied";
  }

  // Moves OPS-1 to `statusId` in Jira and delivers the webhook to `to`
  // without the status category (Jira's payloads may lack it), so the job
  // must look the category up.
  void moveInJiraDeliveredWithoutCategory(const std::string& statusId, HostProcess& to) {
    changeInJiraDeliveredTo("/_mock/issues/OPS-1/status", R"({"status":")" + statusId + R"(","actor":"alice"})", to,
                            dropStatusCategory);
  }

  // Assigns OPS-1 in Jira to bob, or to nobody, and delivers the webhook to `to`.
  void assignInJiraDeliveredTo(bool bob, HostProcess& to) {
    changeInJiraDeliveredTo("/_mock/issues/OPS-1/assignee",
                            std::string(R"({"assignee":)") + (bob ? R"("bob")" : "null") + R"(,"actor":"alice"})", to,
                            [](rapidjson::Document&) {});
  }
  bool issueAssignedToBob() { return assigneeEmail("acme", issue_) == "bob@example.test"; }
  // The pids of the hosts that have run a status_inbound job.
  std::set<std::string> statusJobRunners() {
    std::set<std::string> runners;
    auto db = openDirectly();
    auto uow = db->begin();
    for (const auto& row : host::storage::Query(*uow, "SELECT owner FROM jobs WHERE kind = 'status_inbound' AND state = 'done'").rows()) {
      for (HostProcess* host : {host_.get(), other_.get()}) {
        const std::string pid = std::to_string(host->process().pid());
        if (row.text(0).find(":" + pid + ":") != std::string::npos) runners.insert(pid);
      }
    }
    return runners;
  }
  std::string issueStatus() { return getIssue("acme", issue_).str("status"); }

  // `changes` alternating assignments of OPS-1 (bob, nobody, ...) through
  // alternating hosts, outbound only, with `replaceB` run halfway to replace
  // host B; waits until Jira has at least as many writes and the queue is
  // settled. Returns the bodies Jira should get, in the order acknowledged.
  std::vector<std::string> burstThroughAlternatingHosts(int changes, const std::function<void()>& replaceB) {
    // Outbound only: Jira's echoes of these rapid writes are the inbound sync's
    // concern (a late echo applied to the host would turn a later change into a
    // no-op); these tests are about the job engine across hosts.
    EXPECT_EQ(setConfig("acme", integration_, R"({"sync_forward_assignment":true,"sync_reverse_assignment":false})").status,
              200);
    startOther();
    EXPECT_TRUE(within(10s, [&] { return jobsSettled("acme"); }));
    clearJournal();
    std::vector<std::string> expected;
    for (int i = 0; i < changes; ++i) {
      if (i == changes / 2) {
        replaceB();
        other_.reset();
        startOther();
      }
      const bool bob = i % 2 == 0;
      HostProcess& through = i % 2 == 0 ? *host_ : *other_;
      Reply answered = assignThrough(through, bob);
      if (answered.status != 200) {
        ADD_FAILURE() << i << ": " << answered.describe();
        return expected;
      }
      expected.push_back(bob ? R"({"name":"bob"})" : R"({"name":null})");
    }
    EXPECT_TRUE(within(120s, [&] { return journal("PUT", kAssignPath).size() >= expected.size(); }))
        << journal("PUT", kAssignPath).size() << " of " << expected.size();
    EXPECT_TRUE(within(30s, [&] { return jobsSettled("acme"); }));
    return expected;
  }

  Reply assignThrough(HostProcess& host, bool bob) {
    return host.put("/api/0/organizations/acme/issues/" + issue_ + "/",
                    bob ? R"({"assignedTo":"bob@example.test"})" : R"({"assignedTo":null})", kAdmin);
  }

  ih::test::PostgresServer* server_ = nullptr;
  std::string databaseUrl_;
  std::unique_ptr<HostProcess> other_;
};

// Findings 1 and 3: a host starting while another's job is running leaves it
// alone (renewed, it stays with its owner past several lease terms, and Jira
// gets one write); a host killed with a running job has it finished by the
// survivor within lease + 5 s.
TEST_F(MultiHostE2E, StartUpLeavesRunningJobsAloneAndAKilledHostsJobsAreRecovered) {
  clearJournal();
  addFault(std::string(R"({"method":"PUT","path":")") + kAssignPath + R"(","count":1,"delayMs":6000})");
  ASSERT_EQ(assignThrough(*host_, true).status, 200);
  ASSERT_TRUE(within(5s, [&] { return !runningClaim().empty(); }));
  const std::string claimOfA = runningClaim();
  EXPECT_NE(claimOfA.find(":" + std::to_string(host_->process().pid()) + ":"), std::string::npos) << claimOfA;

  startOther();
  ASSERT_EQ(runningClaim(), claimOfA) << "host B started while A's write is still waiting on Jira";
  // Jira answers after 6 s, three lease terms: only renewals keep the claim.
  // Every claim seen until the job ends must be A's first attempt.
  std::set<std::string> claimsSeen;
  ASSERT_TRUE(within(20s, [&] {
    const std::string now = runningClaim();
    if (!now.empty()) claimsSeen.insert(now);
    return now.empty();
  }));
  EXPECT_EQ(claimsSeen, std::set<std::string>{claimOfA}) << "host B's start-up or sweep took host A's running job";
  ASSERT_TRUE(within(15s, [&] { return ticketField("OPS-1", "/fields/assignee/name") == "bob"; }));
  ASSERT_TRUE(within(10s, [&] { return jobsSettled("acme"); }));
  EXPECT_EQ(journal("PUT", kAssignPath).size(), 1u) << "one write: nobody ran the job twice";

  // Host A (or B) is killed while Jira is slow to answer its write.
  addFault(std::string(R"({"method":"PUT","path":")") + kAssignPath + R"(","count":1,"delayMs":30000})");
  ASSERT_EQ(assignThrough(*other_, false).status, 200);
  ASSERT_TRUE(within(5s, [&] { return !runningClaim().empty(); }));
  const std::string claim = runningClaim();
  const bool onA = claim.find(":" + std::to_string(host_->process().pid()) + ":") != std::string::npos;
  HostProcess& victim = onA ? *host_ : *other_;
  HostProcess& survivor = onA ? *other_ : *host_;
  ASSERT_EQ(::kill(victim.process().pid(), SIGKILL), 0);
  const auto killedAt = std::chrono::steady_clock::now();
  EXPECT_TRUE(within(std::chrono::milliseconds(kLeaseMs) + 5s, [&] {
    return count("SELECT count(*) FROM jobs WHERE state IN ('pending', 'running')") == 0;
  })) << "the survivor finishes the killed host's job; running: " << runningClaim();
  const auto recoveredAfter = std::chrono::steady_clock::now() - killedAt;
  EXPECT_LT(recoveredAfter, std::chrono::milliseconds(kLeaseMs) + 5s);
  EXPECT_TRUE(within(5s, [&] { return ticketField("OPS-1", "/fields/assignee").empty(); }));
  EXPECT_EQ(count("SELECT count(*) FROM jobs WHERE state = 'dead'"), 0);
  // The survivor keeps serving.
  EXPECT_EQ(assignThrough(survivor, true).status, 200);
  EXPECT_TRUE(within(10s, [&] { return ticketField("OPS-1", "/fields/assignee/name") == "bob"; }));
}

// Finding 4: a host whose key file is not the fleet's refuses to start.
TEST_F(MultiHostE2E, AHostWithAnotherKeyRefusesToStart) {
  const std::string strayKey = dir_.path() + "/stray-key";  // generated fresh: another key
  HostLaunch launch = otherLaunch(strayKey);
  std::vector<std::string> args = {"--data-dir", launch.dataDir, "--plugins-dir", launch.pluginsDir,
                                   "--admin-token", kAdmin, "--port", "0"};
  args.insert(args.end(), launch.extraArgs.begin(), launch.extraArgs.end());
  std::string err;
  EXPECT_EQ(HostProcess::runToExit(args, &err), 78) << err;
  EXPECT_NE(err.find("secret key in " + strayKey), std::string::npos) << err;
  // The fleet's key works for a second host, which can open A's credentials.
  startOther();
  EXPECT_EQ(assignThrough(*other_, true).status, 200);
  EXPECT_TRUE(within(10s, [&] { return ticketField("OPS-1", "/fields/assignee/name") == "bob"; }));
  EXPECT_TRUE(within(10s, [&] { return jobsSettled("acme"); }));
  EXPECT_EQ(count("SELECT count(*) FROM jobs WHERE state = 'dead'"), 0) << "host B read the sealed credentials";
}

// Findings 2 and the burst: 200 changes through alternating hosts, one of them
// restarted halfway, give exactly 200 writes in Jira, in the order the hosts
// acknowledged them.
TEST_F(MultiHostE2E, AlternatingHostsWriteEveryChangeOnceInOrderAcrossARestart) {
  const auto expected = burstThroughAlternatingHosts(200, [&] {
    // SIGTERM drains B's running jobs; its queued ones stay for anyone.
    ASSERT_EQ(other_->process().stop(), 0);
  });
  ASSERT_FALSE(HasFailure());
  const auto puts = journal("PUT", kAssignPath);
  ASSERT_EQ(puts.size(), expected.size()) << "exactly one write per acknowledged change";
  for (size_t i = 0; i < puts.size(); ++i) EXPECT_EQ(puts[i].body, expected[i]) << "write " << i;
  EXPECT_EQ(count("SELECT count(*) FROM jobs WHERE state = 'dead'"), 0);
}

// The webhook inbox across hosts: a delivery host B acknowledged (so it is
// stored) but died before applying is applied by host A, which looks for
// such requests every second, and only once.
TEST_F(MultiHostE2E, ADeliveryAHostAcknowledgedAndDiedBeforeApplyingIsAppliedByAnother) {
  ASSERT_EQ(setConfig("acme", integration_, R"({"sync_forward_assignment":false,"sync_reverse_assignment":true})").status,
            200);
  startOther();
  ASSERT_FALSE(issueAssignedToBob());
  const auto held = holdDeliveriesOf("/_mock/issues/OPS-1/assignee", R"({"assignee":"bob","actor":"alice"})");
  ASSERT_EQ(held.size(), 1u);
  ASSERT_EQ(::kill(other_->process().pid(), SIGKILL), 0);
  other_->process().wait(5s);
  const char* appliedAssignees = "SELECT count(*) FROM sync_log WHERE direction = 'inbound' AND kind = 'assignee'";
  const int64_t appliedBefore = count(appliedAssignees);
  storeAcknowledged(*openDirectly(), held.front());

  EXPECT_TRUE(within(5s, [&] { return issueAssignedToBob(); })) << "host A never applied B's stored delivery";
  EXPECT_TRUE(within(5s, [&] { return count("SELECT count(*) FROM webhook_inbox") == 0; }));
  EXPECT_EQ(count(appliedAssignees), appliedBefore + 1) << "applied once";
}

// Issue 12's lookup cache: host B keeps the integration a webhook's token
// names (domain/lookup_cache.h); an unlink through host A must
// reach B's deliveries through PostgreSQL's notification (B's TTL is 10 min
// here, so expiry cannot explain it).
TEST_F(MultiHostE2E, AnUnlinkThroughOneHostIsHonouredByTheOthersWebhookAtOnce) {
  // A TTL far beyond the test: only the notification can empty B's cache.
  hostArgs_.insert(hostArgs_.end(), {"--integration-cache-ttl-ms", "600000"});
  startOther();
  const std::string registered = webhookUrl();
  ASSERT_EQ(registered.rfind(host_->baseUrl(), 0), 0u) << registered;
  const std::string throughB = other_->baseUrl() + registered.substr(host_->baseUrl().size());
  auto deliverNoOp = [&] {
    // A valid delivery with nothing to change: the token check is all it does.
    return ih::testing::httpRequest("POST", throughB,
                                    R"({"webhookEvent":"jira:issue_updated","timestamp":1,)"
                                    R"("issue":{"id":"1","key":"OPS-1","fields":{}}})")
        .status;
  };
  ASSERT_EQ(deliverNoOp(), 200);
  ASSERT_EQ(deliverNoOp(), 200) << "served from B's cache";
  ASSERT_EQ(host_->call("DELETE", "/api/0/organizations/acme/integrations/" + integration_ + "/", kAdmin).status, 204);
  const auto unlinked = std::chrono::steady_clock::now();
  EXPECT_TRUE(within(1s, [&] { return deliverNoOp() == 400; })) << "B still accepted deliveries for a deleting integration";
  EXPECT_LT(std::chrono::steady_clock::now() - unlinked, 1s);
}

// The lookup cache keeps each organization's plugin enablement (issue 12).
// Switched off through host A, the plugin must stop acting for the
// organization on host B at once: B's inbound deliveries then leave the
// organization's issue alone, and switched on again, they apply. B's TTL is
// 10 min, so only PostgreSQL's notification can explain either.
TEST_F(MultiHostE2E, APluginSwitchedOffThroughOneHostStopsActingOnTheOtherAtOnce) {
  hostArgs_.insert(hostArgs_.end(), {"--integration-cache-ttl-ms", "600000"});
  ASSERT_EQ(setConfig("acme", integration_, R"({"sync_forward_assignment":false,"sync_reverse_assignment":true})").status,
            200);
  startOther();
  // changeInJiraDeliveredTo waits for the delivery to be applied.
  assignInJiraDeliveredTo(true, *other_);
  ASSERT_TRUE(issueAssignedToBob()) << "enabled: B applies Jira's change (and caches the enablement)";
  assignInJiraDeliveredTo(false, *other_);
  ASSERT_FALSE(issueAssignedToBob());

  auto setEnabled = [&](bool enabled) {
    return host_->put("/api/0/organizations/acme/plugins/jira_server/",
                       std::string(R"({"enabled":)") + (enabled ? "true" : "false") + "}", kAdmin).status;
  };
  // Jira keeps flipping the ticket; once B has heard of the switch, a
  // delivery (still answered 200) changes nothing here.
  auto flipIsIgnored = [&] {
    const bool before = issueAssignedToBob();
    assignInJiraDeliveredTo(!before, *other_);
    return issueAssignedToBob() == before;
  };
  ASSERT_EQ(setEnabled(false), 200);
  const auto switchedOff = std::chrono::steady_clock::now();
  EXPECT_TRUE(within(1s, flipIsIgnored)) << "B kept acting for an organization that switched the plugin off";
  EXPECT_LT(std::chrono::steady_clock::now() - switchedOff, 2s);
  for (int i = 0; i < 3; ++i) EXPECT_TRUE(flipIsIgnored()) << "delivery " << i << " after the switch was heard";

  ASSERT_EQ(setEnabled(true), 200);
  EXPECT_TRUE(within(1s, [&] { return !flipIsIgnored(); })) << "switched on again through A, B applies Jira's changes";
}

// Finding 5: Jira's status categories are one shared list (in the
// integration's metadata), not a cache per process. Both hosts have looked up
// the old category of "In Progress"; Jira then recategorises it as done. Once
// one host has refreshed the list, the same transition resolves the issue on
// either host (before, a host kept its own copy for 240 s and unresolved it).
TEST_F(MultiHostE2E, EveryHostDecidesAStatusFromTheSameCategories) {
  ASSERT_EQ(setConfig("acme", integration_,
                      R"({"sync_forward_assignment":false,"sync_reverse_assignment":false,"sync_status_reverse":true})")
                .status,
            200);
  startOther();
  ASSERT_EQ(issueStatus(), "unresolved");
  // Both hosts look up "In Progress" (indeterminate) and "Open" (new).
  for (int move = 0; move < 40 && statusJobRunners().size() < 2; ++move) {
    moveInJiraDeliveredWithoutCategory(move % 2 == 0 ? "3" : "1", move % 2 == 0 ? *other_ : *host_);
    ASSERT_TRUE(within(10s, [&] { return jobsSettled("acme"); }));
  }
  ASSERT_EQ(statusJobRunners().size(), 2u) << "both hosts ran a status job";
  EXPECT_EQ(issueStatus(), "unresolved");
  EXPECT_EQ(count("SELECT count(*) FROM jobs WHERE state = 'dead'"), 0);

  // Jira: "In Progress" now counts as done, and a new done status appears.
  mockJson("POST", "/_mock/seed",
           R"({"statuses":[{"id":"3","name":"In Progress","category":"done"},)"
           R"({"id":"10050","name":"Verified","category":"done"}]})");
  // A host meets the new status: the list is fetched again and stored for every host.
  moveInJiraDeliveredWithoutCategory("10050", *host_);
  ASSERT_TRUE(within(10s, [&] { return issueStatus() == "resolved"; })) << "Verified is done";

  // Whichever host runs the job now, "In Progress" resolves.
  for (int round = 0; round < 4; ++round) {
    moveInJiraDeliveredWithoutCategory("1", round % 2 == 0 ? *host_ : *other_);
    ASSERT_TRUE(within(10s, [&] { return issueStatus() == "unresolved"; })) << "round " << round;
    moveInJiraDeliveredWithoutCategory("3", round % 2 == 0 ? *other_ : *host_);
    ASSERT_TRUE(within(10s, [&] { return issueStatus() == "resolved"; }))
        << "round " << round << ": a host decided from its own, older copy of the categories";
  }
  ASSERT_TRUE(within(10s, [&] { return jobsSettled("acme"); }));
  EXPECT_EQ(count("SELECT count(*) FROM jobs WHERE state = 'dead'"), 0);
}

// The burst of the issue with SIGKILL instead of SIGTERM: host B dies
// mid-burst with whatever it was running; host A re-queues B's running job
// once its lease expires. Every acknowledged change reaches Jira, in order;
// the job B was running when it died may be written a second time (its
// attempt may have reached Jira before the kill), never more.
TEST_F(MultiHostE2E, AHostKilledDuringABurstLosesNoAcknowledgedChange) {
  const auto expected = burstThroughAlternatingHosts(100, [&] {
    ASSERT_EQ(::kill(other_->process().pid(), SIGKILL), 0);
    other_->process().wait();
  });
  ASSERT_FALSE(HasFailure());
  const auto puts = journal("PUT", kAssignPath);
  EXPECT_LE(puts.size(), expected.size() + 1) << "only the killed attempt may be written twice";
  // Changes alternate, so a repeated write shows as two equal bodies in a row.
  std::vector<std::string> written;
  for (const auto& put : puts) {
    if (written.empty() || written.back() != put.body) written.push_back(put.body);
  }
  EXPECT_EQ(written, expected) << "every acknowledged change, in the order acknowledged";
  EXPECT_EQ(count("SELECT count(*) FROM jobs WHERE state = 'dead'"), 0);
}

// Finding 2 across processes: host A's attempt stalls (SIGSTOP) past its
// lease while its write waits on Jira; host B takes the job over as attempt 2
// and finishes it. When A wakes, its stale attempt records nothing (logged),
// the job stays done by B's attempt, and A keeps serving.
TEST_F(MultiHostE2E, AStalledHostsStaleAttemptRecordsNothing) {
  clearJournal();
  addFault(std::string(R"({"method":"PUT","path":")") + kAssignPath + R"(","count":1,"delayMs":3000})");
  ASSERT_EQ(assignThrough(*host_, true).status, 200);
  ASSERT_TRUE(within(5s, [&] { return !runningClaim().empty(); }));
  const std::string pidOfA = std::to_string(host_->process().pid());
  ASSERT_NE(runningClaim().find(":" + pidOfA + ":"), std::string::npos) << runningClaim();
  startOther();
  const std::string pidOfB = std::to_string(other_->process().pid());
  ASSERT_EQ(::kill(host_->process().pid(), SIGSTOP), 0);
  const bool takenOver = within(std::chrono::milliseconds(kLeaseMs) + 10s, [&] {
    return count("SELECT count(*) FROM jobs WHERE state = 'done' AND attempts = 2 AND owner LIKE '%:" + pidOfB + ":%'") == 1;
  });
  ASSERT_EQ(::kill(host_->process().pid(), SIGCONT), 0);
  ASSERT_TRUE(takenOver) << "host B finishes the job as attempt 2 while A is stopped; running: " << runningClaim();

  ASSERT_TRUE(within(15s, [&] {
    return host_->process().stderrText().find("attempt 1 lost its lease") != std::string::npos;
  })) << host_->process().stderrText();
  EXPECT_EQ(count("SELECT count(*) FROM jobs WHERE state = 'done' AND attempts = 2 AND owner LIKE '%:" + pidOfB + ":%'"), 1)
      << "the stale attempt changed nothing";
  EXPECT_EQ(count("SELECT count(*) FROM jobs WHERE state <> 'done'"), 0);
  // A keeps serving, in order after B's write.
  ASSERT_EQ(assignThrough(*host_, false).status, 200);
  EXPECT_TRUE(within(15s, [&] { return ticketField("OPS-1", "/fields/assignee").empty(); }));
  EXPECT_TRUE(within(10s, [&] { return jobsSettled("acme"); }));
  const auto puts = journal("PUT", kAssignPath);
  ASSERT_FALSE(puts.empty());
  EXPECT_EQ(puts.back().body, R"({"name":null})") << "the last acknowledged change is written last";
}

}  // namespace
}  // namespace ih::e2e::jira
