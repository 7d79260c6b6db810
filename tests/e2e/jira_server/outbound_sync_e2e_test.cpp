// Outbound sync end to end: a change made in the host reaches the linked Jira
// ticket through the durable outbox (assignee, status, comments), Jira's own
// webhook for that change does not loop back, and Jira's 429 / 503 answers
// are retried until the change lands.
#include <gtest/gtest.h>

#include <algorithm>

#include "outbound_e2e.h"
#include "support/json_helpers.h"

namespace ih::e2e::jira {
namespace {

using namespace std::chrono_literals;


size_t countOf(const std::vector<std::string>& items, const std::string& item) {
  return static_cast<size_t>(std::count(items.begin(), items.end(), item));
}

class OutboundSyncE2E : public OutboundE2E {};

TEST_F(OutboundSyncE2E, AssigningInTheHostAssignsTheTicketWithoutALoop) {
  clearJournal();
  const size_t deliveriesBefore = mockJson("GET", "/_mock/deliveries").Size();
  ASSERT_EQ(updateIssue("acme", issue_, R"({"assignedTo":"bob@example.test"})").status, 200);
  EXPECT_TRUE(within(5s, [&] { return ticketField("OPS-1", "/fields/assignee/name") == "bob"; }));

  // Jira announces the change with its own webhook; the host takes it in
  // (nothing changes) and sends nothing back: once the webhook is answered
  // and every job has run, there is still one PUT.
  waitForAnsweredDeliveries(deliveriesBefore + 1);
  ASSERT_TRUE(within(10s, [&] { return jobsSettled("acme"); }));
  auto puts = journal("PUT", kAssignPath);
  ASSERT_EQ(puts.size(), 1u);
  EXPECT_EQ(puts[0].body, R"({"name":"bob"})");
  EXPECT_EQ(puts[0].status, 204);
  EXPECT_EQ(puts[0].authorization.rfind("OAuth ", 0), 0u);
  EXPECT_EQ(countOf(activityTypes("acme", issue_), "assigned"), 1u);

  ASSERT_EQ(updateIssue("acme", issue_, R"({"assignedTo":null})").status, 200);
  EXPECT_TRUE(within(5s, [&] { return ticketField("OPS-1", "/fields/assignee").empty(); }));
  EXPECT_TRUE(within(3s, [&] { return journal("PUT", kAssignPath).size() == 2; }));
  EXPECT_EQ(journal("PUT", kAssignPath).back().body, R"({"name":null})");
}

TEST_F(OutboundSyncE2E, ResolvingTransitionsTheTicketWithoutALoop) {
  clearJournal();
  const size_t deliveriesBefore = mockJson("GET", "/_mock/deliveries").Size();
  ASSERT_EQ(updateIssue("acme", issue_, R"({"status":"resolved"})").status, 200);
  EXPECT_TRUE(within(5s, [&] { return ticketField("OPS-1", "/fields/status/id") == "10001"; }));

  waitForAnsweredDeliveries(deliveriesBefore + 1);
  ASSERT_TRUE(within(10s, [&] { return jobsSettled("acme"); }));
  auto posts = journal("POST", kTransitionsPath);
  ASSERT_EQ(posts.size(), 1u);
  EXPECT_EQ(posts[0].body, R"({"transition":{"id":"31"}})");
  EXPECT_EQ(getIssue("acme", issue_).str("status"), "resolved");
  auto types = activityTypes("acme", issue_);
  EXPECT_EQ(countOf(types, "set_resolved"), 1u);
  EXPECT_EQ(countOf(types, "set_unresolved"), 0u);

  // Back to unresolved: the mapping's on_unresolve status (the seed's
  // workflow has no transition to Open, so map "In Progress").
  const std::string toInProgress = R"({"sync_status_forward":{"10000":{"on_resolve":"10001","on_unresolve":"3"}}})";
  ASSERT_EQ(setConfig("acme", integration_, toInProgress).status, 200);
  ASSERT_EQ(updateIssue("acme", issue_, R"({"status":"unresolved"})").status, 200);
  EXPECT_TRUE(within(5s, [&] { return ticketField("OPS-1", "/fields/status/id") == "3"; }));
}

// The edit is made at once, before the comment's post job may have recorded
// the Jira comment id: it must still edit the one comment, never post a second.
TEST_F(OutboundSyncE2E, CommentsAreQuotedAndEditsFollow) {
  const std::string bobToken = tokenFor(bob_);
  clearJournal();
  const std::string commentsPath = "/api/0/organizations/acme/issues/" + issue_ + "/comments/";
  Reply created = host_->post(commentsPath, R"({"text":"It broke again"})", bobToken);
  ASSERT_EQ(created.status, 201) << created.describe();
  Reply edited = host_->put(commentsPath + created.str("id") + "/", R"({"text":"It broke twice"})", bobToken);
  ASSERT_EQ(edited.status, 200) << edited.describe();

  ASSERT_TRUE(within(5s, [&] { return journal("POST", kCommentsPath).size() == 1; }));
  auto post = journal("POST", kCommentsPath)[0];
  EXPECT_EQ(post.status, 201);
  EXPECT_EQ(post.body.rfind(R"({"body":"bob@example.test wrote:\n\n{quote}It broke again{quote}","properties":[)", 0),
            0u)
      << post.body;
  EXPECT_TRUE(within(10s, [&] { return commentBodies("OPS-1") == std::vector<std::string>{
                                           "bob@example.test wrote:\n\n{quote}It broke twice{quote}"}; }));
  ASSERT_TRUE(within(10s, [&] { return jobsSettled("acme"); }));
  EXPECT_EQ(journal("POST", kCommentsPath).size(), 1u) << "the edit updates the comment it posted";
}

// Jira applies the comment POST, then the answer is lost (what a kill -9 of
// the host mid-request looks like from Jira's side): the retry finds the
// marked comment instead of posting it again.
TEST_F(OutboundSyncE2E, ACommentWhoseAnswerWasLostIsPostedOnce) {
  clearJournal();
  addFault(std::string(R"({"method":"POST","path":")") + kCommentsPath + R"(","count":1,"dropAnswer":true})");
  Reply created = host_->post("/api/0/organizations/acme/issues/" + issue_ + "/comments/",
                              R"({"text":"Only once"})", tokenFor(bob_));
  ASSERT_EQ(created.status, 201) << created.describe();
  ASSERT_TRUE(within(20s, [&] {
    return journal("GET", kCommentsPath).size() >= 1 && jobsSettled("acme");
  }));
  EXPECT_EQ(commentBodies("OPS-1"), std::vector<std::string>{"bob@example.test wrote:\n\n{quote}Only once{quote}"});
  EXPECT_EQ(journal("POST", kCommentsPath).size(), 1u);
}

TEST_F(OutboundSyncE2E, RateLimitedCallWaitsForRetryAfterThenLands) {
  clearJournal();
  addFault(std::string(R"({"method":"PUT","path":")") + kAssignPath + R"(","status":429,"count":1,"retryAfter":2})");
  ASSERT_EQ(updateIssue("acme", issue_, R"({"assignedTo":"bob@example.test"})").status, 200);
  EXPECT_TRUE(within(9s, [&] { return ticketField("OPS-1", "/fields/assignee/name") == "bob"; }));
  // The journal itself, not the ticket, says when both attempts are in it.
  ASSERT_TRUE(within(5s, [&] { return journal("PUT", kAssignPath).size() >= 2; }));
  auto puts = journal("PUT", kAssignPath);
  ASSERT_EQ(puts.size(), 2u);
  EXPECT_EQ(puts[0].status, 429);
  EXPECT_EQ(puts[1].status, 204);
  EXPECT_GE(puts[1].timeMs - puts[0].timeMs, 1900) << "Retry-After: 2 was honoured";
  EXPECT_NE(puts[0].authorization, puts[1].authorization) << "every attempt is signed afresh";
}

TEST_F(OutboundSyncE2E, UnavailableJiraIsCaughtUpWithinSeconds) {
  clearJournal();
  addFault(std::string(R"({"method":"POST","path":")") + kTransitionsPath + R"(","status":503,"count":2})");
  ASSERT_EQ(updateIssue("acme", issue_, R"({"status":"resolved"})").status, 200);
  EXPECT_TRUE(within(15s, [&] { return ticketField("OPS-1", "/fields/status/id") == "10001"; }));
  ASSERT_TRUE(within(5s, [&] { return journal("POST", kTransitionsPath).size() >= 3; }));
  auto posts = journal("POST", kTransitionsPath);
  ASSERT_EQ(posts.size(), 3u);
  EXPECT_EQ(posts[0].status, 503);
  EXPECT_EQ(posts[1].status, 503);
  EXPECT_EQ(posts[2].status, 204);
}

TEST_F(OutboundSyncE2E, AssignAndUnassignLandInOrder) {
  clearJournal();
  addFault(std::string(R"({"method":"PUT","path":")") + kAssignPath + R"(","status":503,"count":1})");
  ASSERT_EQ(updateIssue("acme", issue_, R"({"assignedTo":"bob@example.test"})").status, 200);
  ASSERT_EQ(updateIssue("acme", issue_, R"({"assignedTo":null})").status, 200);
  EXPECT_TRUE(within(12s, [&] { return journal("PUT", kAssignPath).size() >= 3; }));
  ASSERT_TRUE(within(10s, [&] { return jobsSettled("acme"); })) << "then nothing else is sent";
  auto puts = journal("PUT", kAssignPath);
  ASSERT_EQ(puts.size(), 3u);
  EXPECT_EQ(puts[1].body, R"({"name":"bob"})");
  EXPECT_EQ(puts[2].body, R"({"name":null})");
  EXPECT_EQ(ticketField("OPS-1", "/fields/assignee"), "");
}

}  // namespace
}  // namespace ih::e2e::jira
