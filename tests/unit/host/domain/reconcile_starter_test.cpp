// Starting a reconcile: the periodic run leaves out a link that links no live
// ticket (its job could only ask Jira about nothing, once per interval) and a
// link whose previous run is unfinished; an owner's start always queues one.
#include <gtest/gtest.h>

#include "domain/reconcile_starter.h"
#include "storage/query.h"
#include "support/domain_fixture.h"

namespace ih::host::domain {
namespace {

class ReconcileStarterTest : public ih::test::DomainTest {
 protected:
  void SetUp() override {
    DomainTest::SetUp();
    if (IsSkipped()) return;
    starter_ = std::make_unique<ReconcileStarter>(*integrations_, *jobs_);
    acme_ = makeOrg("acme");
    jira_ = installIntegration(acme_.id, "jira-1").integration;
  }
  size_t startAllDue() {
    return inTransaction([&](auto& uow) { return starter_->startAllDue(uow, clock_.nowMs(), kInterval); });
  }
  // The jobs a run started are done: only the interval decides.
  void finishJobs() {
    inTransaction([&](auto& uow) {
      uow.beginWrite();
      storage::Query(uow, "UPDATE jobs SET state = 'done'").execute();
    });
  }
  static constexpr std::chrono::milliseconds kInterval{900'000};

  std::unique_ptr<ReconcileStarter> starter_;
  storage::Organization acme_;
  storage::Integration jira_;
};

TEST_P(ReconcileStarterTest, ThePeriodicRunSkipsALinkWithoutTicketsAndOneStillRunning) {
  EXPECT_EQ(startAllDue(), 0u) << "nothing linked";
  EXPECT_TRUE(pendingJobs().empty());

  const auto project = makeProject(acme_.id, "api", {});
  linkTicket(acme_.id, jira_.id, makeIssue(acme_.id, project.id).id, "OPS-1");
  EXPECT_EQ(startAllDue(), 1u);
  EXPECT_EQ(startAllDue(), 0u) << "the first run is unfinished";
  ASSERT_EQ(pendingJobs().size(), 1u);
  EXPECT_NE(pendingJobs()[0].payloadJson.find(R"("key":"OPS-1")"), std::string::npos) << pendingJobs()[0].payloadJson;
}

// Every host runs the schedule: a link another host started within the
// interval is left alone, and started again once the interval has passed.
TEST_P(ReconcileStarterTest, OneStartPerLinkPerIntervalWhateverTheNumberOfHosts) {
  const auto project = makeProject(acme_.id, "api", {});
  linkTicket(acme_.id, jira_.id, makeIssue(acme_.id, project.id).id, "OPS-1");
  ASSERT_EQ(startAllDue(), 1u);
  finishJobs();
  clock_.advance(kInterval.count() / 2);  // another host's turn, half an interval later
  EXPECT_EQ(startAllDue(), 0u);
  clock_.advance(kInterval.count() / 2 + 5);  // the first host's next turn
  EXPECT_EQ(startAllDue(), 1u);
}

TEST_P(ReconcileStarterTest, AnOwnersStartQueuesOneEvenWithoutTickets) {
  const int64_t jobId = inTransaction([&](auto& uow) { return starter_->start(uow, acme_.id, jira_.id); });
  ASSERT_EQ(pendingJobs().size(), 1u);
  EXPECT_EQ(pendingJobs()[0].id, jobId);
  EXPECT_NE(pendingJobs()[0].payloadJson.find(R"("tickets":[])"), std::string::npos) << pendingJobs()[0].payloadJson;
}

IH_INSTANTIATE_BACKENDS(ReconcileStarterTest);

}  // namespace
}  // namespace ih::host::domain
