// Jira's echoes of the host's own writes, delivered late and out of order,
// never revert a newer assignment made in the host (the race the benchmarks
// found). The mock holds its deliveries while the host assigns alice, then
// bob; once both PUTs reached Jira, the two echoes are released (in order, in
// reverse, one of them before the user assigns alice again, or one while
// bob's job has not yet recorded his write), and host and Jira must end on
// the user's last assignment, without a loop. And a status a Jira user sets
// right after the host's transition is not hidden by the mark that
// transition's job sets.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "outbound_e2e.h"
#include "support/json_helpers.h"

namespace ih::e2e::jira {
namespace {

using namespace std::chrono_literals;
using ih::testing::jsonHas;
using ih::testing::jsonString;

constexpr const char* kAssignAlice = R"({"assignedTo":"alice@example.test"})";
constexpr const char* kAssignBob = R"({"assignedTo":"bob@example.test"})";

class EchoOrderE2E : public OutboundE2E {
 protected:
  void SetUp() override {
    OutboundE2E::SetUp();
    if (HasFatalFailure()) return;
    const std::string alice = createUser("alice@example.test");
    addMember("acme", alice);
    ASSERT_EQ(api_->addTeamMember("acme", "core", alice).status, 201);
    clearJournal();
    answered_ = answeredDeliveries(mockJson("GET", "/_mock/deliveries"));
    steer(R"({"mode":"hold"})");
  }

  void steer(const std::string& body) {
    auto reply = jira_->control("POST", "/_mock/deliveries/control", body);
    ASSERT_EQ(reply.status, 200) << reply.body;
  }
  // Ids of the held deliveries, oldest first.
  std::vector<int64_t> heldDeliveries() {
    std::vector<int64_t> ids;
    const auto pending = mockJson("GET", "/_mock/deliveries/pending");
    for (const auto& delivery : pending.GetArray()) ids.push_back(delivery["id"].GetInt64());
    return ids;
  }
  // Releases deliveries (`body` as POST /_mock/deliveries/release takes it)
  // and waits until the host has answered `count` of them.
  void release(const std::string& body, size_t count) {
    auto reply = jira_->control("POST", "/_mock/deliveries/release", body);
    ASSERT_EQ(reply.status, 200) << reply.body;
    expectAnswered(count);
  }
  // Stops holding: what is held and everything later goes out at once.
  void deliverFromNowOn(size_t held) {
    steer(R"({"mode":"deliver"})");
    expectAnswered(held);
  }
  void expectAnswered(size_t more) {
    answered_ += more;
    ASSERT_EQ(answeredDeliveries(waitForDeliveries(answered_)), answered_);
  }
  void assign(const char* body) { ASSERT_EQ(updateIssue("acme", issue_, body).status, 200); }
  // Waits until Jira has seen `count` assignee PUTs.
  void waitForAssignments(size_t count) {
    ASSERT_TRUE(within(10s, [&] { return journal("PUT", kAssignPath).size() >= count; }))
        << journal("PUT", kAssignPath).size() << " PUT(s) reached Jira";
  }
  // Assignment activities written by the integration (inbound changes).
  size_t inboundAssignments() {
    size_t count = 0;
    Reply list = activities("acme", issue_);
    for (const auto& activity : list.json.GetArray()) {
      const std::string type = jsonString(activity, "/type");
      if ((type == "assigned" || type == "unassigned") && jsonHas(activity, "/data/integrationId")) ++count;
    }
    return count;
  }
  // alice, then bob, and both PUTs reached Jira; their echoes are held.
  void assignAliceThenBob() {
    assign(kAssignAlice);
    assign(kAssignBob);
    waitForAssignments(2);
    ASSERT_TRUE(within(5s, [&] { return heldDeliveries().size() == 2; })) << "Jira's two echoes are held";
    auto puts = journal("PUT", kAssignPath);
    EXPECT_EQ(puts[0].body, R"({"name":"alice"})");
    EXPECT_EQ(puts[1].body, R"({"name":"bob"})");
  }
  // The user assigns alice again: it reaches Jira, its echo changes nothing
  // and nothing is sent back; both sides end on alice.
  void assignAliceAgainAndExpectItEverywhere(size_t putsBefore) {
    assign(kAssignAlice);
    waitForAssignments(putsBefore + 1);
    deliverFromNowOn(1);
    ASSERT_TRUE(within(10s, [&] { return jobsSettled("acme"); }));
    const auto puts = journal("PUT", kAssignPath);
    ASSERT_EQ(puts.size(), putsBefore + 1) << "no loop: the echo is not sent back";
    EXPECT_EQ(puts.back().body, R"({"name":"alice"})");
    EXPECT_EQ(assigneeEmail("acme", issue_), "alice@example.test");
    EXPECT_EQ(ticketField("OPS-1", "/fields/assignee/name"), "alice");
    EXPECT_EQ(inboundAssignments(), 0u) << "no echo changed the host issue";
  }

  // Outbound jobs of acme in `state` (pending, running, ...).
  size_t jobsIn(const std::string& state) {
    Reply list = host_->get("/api/0/organizations/acme/jobs/?state=" + state, kAdmin);
    return list.json.IsArray() ? list.json.Size() : 0;
  }

  size_t answered_ = 0;
};

TEST_F(EchoOrderE2E, EchoesReleasedInOrderDoNotRevertTheNewerAssignment) {
  assignAliceThenBob();
  release(R"({"order":"fifo"})", 2);
  EXPECT_EQ(assigneeEmail("acme", issue_), "bob@example.test");
  EXPECT_EQ(inboundAssignments(), 0u) << "alice's late echo must not flip the issue back to alice";
  assignAliceAgainAndExpectItEverywhere(2);
}

TEST_F(EchoOrderE2E, EchoesReleasedInReverseDoNotRevertTheNewerAssignment) {
  assignAliceThenBob();
  release(R"({"order":"reverse"})", 2);
  EXPECT_EQ(assigneeEmail("acme", issue_), "bob@example.test");
  EXPECT_EQ(inboundAssignments(), 0u);
  assignAliceAgainAndExpectItEverywhere(2);
}

// The benchmark's race: alice's echo lands after bob was assigned, the user
// assigns alice again, and only then bob's echo lands. Before the fix the
// echo reverted the host to alice, so the new assignment was "no change" and
// never sent, and bob's echo then left both sides on bob.
TEST_F(EchoOrderE2E, AnEchoBetweenTwoAssignmentsDoesNotSwallowTheUsersLastOne) {
  assignAliceThenBob();
  const auto held = heldDeliveries();
  release(R"({"id":)" + std::to_string(held[0]) + "}", 1);  // alice's echo
  EXPECT_EQ(assigneeEmail("acme", issue_), "bob@example.test");
  assign(kAssignAlice);
  waitForAssignments(3);
  release(R"({"id":)" + std::to_string(held[1]) + "}", 1);  // bob's echo, late
  EXPECT_EQ(assigneeEmail("acme", issue_), "alice@example.test");
  deliverFromNowOn(1);  // the echo of the third PUT
  ASSERT_TRUE(within(10s, [&] { return jobsSettled("acme"); }));
  const auto puts = journal("PUT", kAssignPath);
  ASSERT_EQ(puts.size(), 3u) << "no loop";
  EXPECT_EQ(puts.back().body, R"({"name":"alice"})");
  EXPECT_EQ(assigneeEmail("acme", issue_), "alice@example.test");
  EXPECT_EQ(ticketField("OPS-1", "/fields/assignee/name"), "alice");
  EXPECT_EQ(inboundAssignments(), 0u);
}

// The window between bob's PUT and the mark his job sets: Jira is slow to
// answer the job's read of the ticket's new time, and alice's echo arrives
// meanwhile. The mark still holds alice's time, so only the host's unwritten
// (running) assignment keeps her echo from reverting the issue.
TEST_F(EchoOrderE2E, AnEchoArrivingWhileTheNewerAssignmentIsBeingWrittenIsSkipped) {
  assign(kAssignAlice);
  waitForAssignments(1);
  ASSERT_TRUE(within(5s, [&] { return jobsSettled("acme"); })) << "alice's job is done";
  // 5 s: the steps below must fit in the window even on a loaded machine.
  addFault(R"({"method":"GET","path":"/rest/api/2/issue/OPS-1","count":1,"delayMs":5000})");
  assign(kAssignBob);
  waitForAssignments(2);
  ASSERT_EQ(jobsIn("running"), 1u) << "bob's job waits for the ticket's time";
  const auto held = heldDeliveries();
  ASSERT_EQ(held.size(), 2u);
  release(R"({"id":)" + std::to_string(held[0]) + "}", 1);  // alice's echo
  EXPECT_EQ(jobsIn("running"), 1u) << "the echo arrived inside the window";
  EXPECT_EQ(assigneeEmail("acme", issue_), "bob@example.test");
  ASSERT_TRUE(within(10s, [&] { return jobsSettled("acme"); }));
  deliverFromNowOn(1);  // bob's echo
  EXPECT_EQ(assigneeEmail("acme", issue_), "bob@example.test");
  EXPECT_EQ(ticketField("OPS-1", "/fields/assignee/name"), "bob");
  EXPECT_EQ(inboundAssignments(), 0u);
}

// A Jira user moves the ticket on right after the host's transition, while
// the job's read of the ticket's time is slow. That read sees the user's
// status, so the job leaves the status mark where it was, and the user's
// webhook, delivered after the job ended, still applies: both sides end in
// the user's status. (The mark used to take the user's time, which made the
// user's own webhook stale: the host stayed resolved.)
TEST_F(EchoOrderE2E, AStatusMovedInJiraRightAfterTheHostsTransitionStillApplies) {
  // The job reads OPS-1 twice: before the transition, at once; after it, late
  // enough to see what changed in Jira meanwhile.
  addFault(R"({"method":"GET","path":"/rest/api/2/issue/OPS-1","count":1,"delayMs":1})");
  addFault(R"({"method":"GET","path":"/rest/api/2/issue/OPS-1","count":1,"delayBeforeMs":5000})");
  ASSERT_EQ(updateIssue("acme", issue_, R"({"status":"resolved"})").status, 200);
  // Its echo is held once the transition was made. (Not the journal: reading
  // it waits for the requests in flight, the slow read among them.)
  ASSERT_TRUE(within(10s, [&] { return heldDeliveries().size() == 1; }));
  ASSERT_EQ(jira_->control("POST", "/_mock/issues/OPS-1/status", R"({"status":"3","actor":"alice"})").status, 200);
  ASSERT_EQ(jobsIn("running"), 1u) << "the user's move came inside the window";
  ASSERT_TRUE(within(10s, [&] { return jobsSettled("acme"); }));
  EXPECT_EQ(getIssue("acme", issue_).str("status"), "resolved");

  deliverFromNowOn(2);  // the transition's echo, then the user's move
  EXPECT_TRUE(within(10s, [&] { return getIssue("acme", issue_).str("status") == "unresolved"; }));
  ASSERT_TRUE(within(10s, [&] { return jobsSettled("acme"); }));
  EXPECT_EQ(ticketField("OPS-1", "/fields/status/id"), "3");
  EXPECT_EQ(journal("POST", kTransitionsPath).size(), 1u) << "no loop: the user's move is not sent back";
}

}  // namespace
}  // namespace ih::e2e::jira
