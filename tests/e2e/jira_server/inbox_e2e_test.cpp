// tests/e2e/jira_server/inbox_e2e_test.cpp - the webhook inbox
// (`--webhook-apply deferred`) on the default SQLite database, with real processes: what an acknowledgement promises
// survives a crash, a read right after an acknowledgement sees the change,
// and `--webhook-apply inline` keeps the old promise (the 200 leaves once
// the change is applied).
#include <gtest/gtest.h>
#include <signal.h>

#include <chrono>
#include <memory>
#include <string>

#include "outbound_e2e.h"
#include "storage/database.h"
#include "storage/query.h"
#include "support/http_client.h"

namespace ih::e2e::jira {
namespace {

using namespace std::chrono_literals;

class InboxE2E : public OutboundE2E {
 protected:
  void SetUp() override {
    hostArgs_ = {"--webhook-apply", "deferred"};
    OutboundE2E::SetUp();
  }
  std::unique_ptr<host::storage::Database> openDirectly() {
    return host::storage::Database::open("sqlite:" + dir_.path() + "/data/host.db", {.maxConnections = 1});
  }
  int64_t stored() {
    auto db = openDirectly();
    return host::storage::Query(*db->begin(), "SELECT count(*) FROM webhook_inbox").scalarInt64();
  }
  void reverseAssigneeOnly() {
    ASSERT_EQ(setConfig("acme", integration_, R"({"sync_forward_assignment":false,"sync_reverse_assignment":true})")
                  .status,
              200);
  }
  bool assignedToBob() { return assigneeEmail("acme", issue_) == "bob@example.test"; }
};

// The host acknowledged the delivery (it was stored, durably) and was killed
// before applying it: the restarted host applies it.
TEST_F(InboxE2E, ADeliveryStoredBeforeACrashIsAppliedAfterTheRestart) {
  reverseAssigneeOnly();
  const auto held = holdDeliveriesOf("/_mock/issues/OPS-1/assignee", R"({"assignee":"bob","actor":"alice"})");
  ASSERT_EQ(held.size(), 1u);
  ASSERT_EQ(::kill(host_->process().pid(), SIGKILL), 0);
  host_->process().wait(5s);
  storeAcknowledged(*openDirectly(), held.front());
  ASSERT_EQ(stored(), 1);

  startHost();
  EXPECT_TRUE(within(10s, [&] { return assignedToBob(); })) << "the stored delivery was not applied";
  EXPECT_TRUE(within(5s, [&] { return host_->inboxDrained(); }));
  EXPECT_EQ(stored(), 0);
}

// The 200 means "stored", yet a client that reads right after it sees the
// change: API requests wait (briefly) for what this host acknowledged.
TEST_F(InboxE2E, AReadRightAfterTheAcknowledgementSeesTheChange) {
  reverseAssigneeOnly();
  for (int round = 0; round < 10; ++round) {
    const bool toBob = round % 2 == 0;
    const auto held = holdDeliveriesOf("/_mock/issues/OPS-1/assignee",
                                       toBob ? R"({"assignee":"bob","actor":"alice"})" : R"({"assignee":null,"actor":"alice"})");
    ASSERT_EQ(held.size(), 1u);
    const std::string path = held.front().url.substr(held.front().url.find(kWebhookPath));
    ASSERT_EQ(
        ih::testing::httpRequest("POST", host_->baseUrl() + path, held.front().body, held.front().headers).status, 200);
    EXPECT_EQ(assignedToBob(), toBob) << "round " << round;
  }
}

// With --webhook-apply inline nothing is stored: the 200 is the change done.
TEST_F(InboxE2E, InlineApplyingAnswersOnceTheChangeIsMade) {
  hostArgs_ = {"--webhook-apply", "inline"};
  startHost();
  reverseAssigneeOnly();
  const auto held = holdDeliveriesOf("/_mock/issues/OPS-1/assignee", R"({"assignee":"bob","actor":"alice"})");
  ASSERT_EQ(held.size(), 1u);
  const std::string path = held.front().url.substr(held.front().url.find(kWebhookPath));
  ASSERT_EQ(ih::testing::httpRequest("POST", host_->baseUrl() + path, held.front().body, held.front().headers).status,
            200);
  EXPECT_TRUE(assignedToBob()) << "applied before the answer";
  EXPECT_EQ(stored(), 0);
}

}  // namespace
}  // namespace ih::e2e::jira
