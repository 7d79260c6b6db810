// SIGTERM drains, with real processes: while Jira is slow, a user's search
// (a plugin route that calls Jira inside the request) is in flight and an
// outbound job is writing an assignment. SIGTERM makes the host stop
// accepting, but the search still gets its answer, the job finishes and is
// recorded done (read from the host's database after it exited: nothing is
// left running for the next start to redo), and the host exits 0.
#include <gtest/gtest.h>

#include <future>
#include <string>

#include "outbound_e2e.h"
#include "storage/database.h"
#include "storage/query.h"

namespace ih::e2e::jira {
namespace {

using namespace std::chrono_literals;

class ShutdownE2E : public OutboundE2E {
 protected:
  // One number from the stopped host's SQLite database.
  int64_t count(const std::string& sql) {
    auto db = host::storage::Database::open("sqlite:" + dir_.path() + "/data/host.db", {.maxConnections = 1});
    return host::storage::Query(*db->begin(), sql).scalarInt64();
  }
};

TEST_F(ShutdownE2E, SigtermLetsTheInFlightRequestAndTheRunningJobFinish) {
  // Every delivery is a snapshot of the ticket (issue 10): with reverse status
  // sync on, the echo of the PUT below (Jira applies it before its delayed
  // answer) queues a status_inbound job behind the running one, which a
  // draining host rightly leaves for the next start. This test is about the
  // in-flight work only.
  ASSERT_EQ(setConfig("acme", integration_, R"({"sync_status_reverse":false})").status, 200);
  clearJournal();
  // Jira answers both calls 3 s late; the journal shows each as soon as Jira got it.
  addFault(R"({"method":"GET","path":"/rest/api/2/search*","count":1,"delayMs":3000})");
  addFault(std::string(R"({"method":"PUT","path":")") + kAssignPath + R"(","count":1,"delayMs":3000})");

  auto search = std::async(std::launch::async, [&] { return searchRoute("acme", integration_, "field=externalIssue&query=Disk"); });
  ASSERT_EQ(updateIssue("acme", issue_, R"({"assignedTo":"bob@example.test"})").status, 200);
  ASSERT_TRUE(within(10s, [&] {
    return !journal("GET", "/rest/api/2/search/").empty() && !journal("PUT", kAssignPath).empty();
  })) << "both calls reach Jira";

  const int exitCode = host_->process().stop(20s);  // SIGTERM; both calls still have ~3 s to go

  const Reply found = search.get();
  EXPECT_EQ(found.status, 200) << "the in-flight request is answered: " << found.describe();
  EXPECT_NE(found.body.find("OPS-1"), std::string::npos) << found.body;
  EXPECT_EQ(exitCode, 0) << host_->process().stderrText();
  EXPECT_EQ(ticketField("OPS-1", "/fields/assignee/name"), "bob");
  EXPECT_EQ(journal("PUT", kAssignPath).size(), 1u);
  EXPECT_EQ(count("SELECT COUNT(*) FROM jobs WHERE kind = 'ihp.event' AND state = 'done'"), 1)
      << "the running job finished and was recorded done";
  EXPECT_EQ(count("SELECT COUNT(*) FROM jobs WHERE state IN ('pending', 'running')"), 0)
      << "nothing left for the next start to redo";
}

}  // namespace
}  // namespace ih::e2e::jira
