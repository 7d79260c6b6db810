// tests/abi/job_runner_test.cpp - plugin job hooks through the host's job
// runners: "ihp.event" -> handle_event, other kinds -> run_job, and the host
// job "integration.uninstall" -> uninstall then removal. Outcomes follow the
// ABI: IHP_OK done, IHP_E_RETRY retry (with the plugin's delay), else dead.
#include <gtest/gtest.h>

#include "abi_test_support.h"
#include "plugins/plugin_job_runner.h"
#include "plugins/uninstall_job_runner.h"
#include "scripted_completion.h"
#include "storage/query.h"

namespace ih::test {
namespace {

using host::jobs::JobOutcome;

class JobRunners : public ::testing::Test {
 protected:
  JobRunners() : registry(host.services()) {
    EXPECT_TRUE(registry.loadFile(testPlugin("sdk_jobs")));
    plugin = registry.find("sdk_jobs");
  }
  host::storage::Job job(const std::string& kind, const std::string& payload = "{}") {
    host::storage::Job j;
    j.id = 7;
    j.pluginKey = "sdk_jobs";
    j.kind = kind;
    j.payloadJson = payload;
    j.attempts = 1;
    return j;
  }
  int64_t jobsOfKind(const std::string& kind) {
    auto uow = host.begin();
    return host::storage::Query(*uow, "SELECT COUNT(*) FROM jobs WHERE kind = ?").bind(kind).scalarInt64();
  }
  HostFixture host;
  host::plugins::PluginRegistry registry;
  host::plugins::LoadedPlugin* plugin = nullptr;
  ScriptedCompletion completion;
};

TEST_F(JobRunners, RunJobOutcomes) {
  ASSERT_NE(plugin, nullptr);
  host::plugins::PluginJobRunner runner(*plugin, host.services());
  EXPECT_EQ(runner.run(job("ok"), completion).kind, JobOutcome::Kind::Done);
  auto retry = runner.run(job("retry"), completion);
  EXPECT_EQ(retry.kind, JobOutcome::Kind::Retry);
  EXPECT_EQ(retry.retryAfterMs.value_or(0), 1500);
  EXPECT_EQ(retry.reason, "retry: remote busy");
  auto dead = runner.run(job("mystery"), completion);
  EXPECT_EQ(dead.kind, JobOutcome::Kind::Dead);
  EXPECT_EQ(dead.reason, "permanent: no such job: mystery");
}

// The job's effects and its completion commit together: a plugin job's
// writes stand only when the job could be marked done in the same unit of
// work, and an attempt whose lease was lost leaves nothing behind.
TEST_F(JobRunners, APluginJobsWritesCommitWithItsCompletionOrNotAtAll) {
  ASSERT_NE(plugin, nullptr);
  host::plugins::PluginJobRunner runner(*plugin, host.services());
  const auto done = runner.run(job("enqueue"), completion);
  EXPECT_EQ(done.kind, JobOutcome::Kind::Done);
  EXPECT_TRUE(done.recorded) << "marked done in the job's own unit of work";
  EXPECT_EQ(completion.requests, 1);
  EXPECT_EQ(jobsOfKind("ok"), 1);

  ScriptedCompletion leaseLost(false);
  EXPECT_EQ(runner.run(job("enqueue"), leaseLost).kind, JobOutcome::Kind::LostLease);
  EXPECT_EQ(jobsOfKind("ok"), 1) << "the stale attempt's write was rolled back";

  EXPECT_EQ(runner.run(job("retry"), completion).kind, JobOutcome::Kind::Retry);
  EXPECT_EQ(completion.requests, 1) << "a failed hook is not marked done";
}

TEST_F(JobRunners, EventsGoToHandleEvent) {
  ASSERT_NE(plugin, nullptr);
  host::plugins::PluginJobRunner runner(*plugin, host.services());
  EXPECT_EQ(runner.run(job("ihp.event", R"({"type":2,"event":{"resolved":true}})"), completion).kind, JobOutcome::Kind::Done);
  EXPECT_EQ(host.metrics().value("ihp_sdk_jobs_events", {{"type", "2"}}), 1);
  EXPECT_EQ(runner.run(job("ihp.event", R"({"type":2})"), completion).kind, JobOutcome::Kind::Dead);  // no event object
  EXPECT_EQ(runner.run(job("ihp.event", "not json"), completion).reason, "malformed ihp.event payload");
}

TEST_F(JobRunners, UninstallRemovesThePendingIntegration) {
  ASSERT_NE(plugin, nullptr);
  int64_t org = host.createOrganization("acme");
  int64_t integration = host.installIntegration(org, "sdk_jobs", "ext-1", R"({"token":"t"})");
  host.inTransaction([&](auto& uow) { EXPECT_TRUE(host.integrations().unlink(uow, org, integration)); });
  host::plugins::UninstallJobRunner runner(registry, host.services());
  auto uninstall = job("integration.uninstall",
                       R"({"integrationId":)" + std::to_string(integration) + R"(,"provider":"sdk_jobs"})");
  uninstall.pluginKey = "";
  EXPECT_EQ(runner.run(uninstall, completion).kind, JobOutcome::Kind::Done);
  auto uow = host.begin();
  EXPECT_FALSE(host.integrations().find(*uow, "sdk_jobs", integration).has_value());
}

TEST_F(JobRunners, UninstallRetriesWhenThePluginAsks) {
  ASSERT_NE(plugin, nullptr);
  int64_t org = host.createOrganization("acme");
  int64_t integration = host.installIntegration(org, "sdk_jobs", "ext-2", "{}", R"({"busy":true})");
  host.inTransaction([&](auto& uow) { host.integrations().unlink(uow, org, integration); });
  host::plugins::UninstallJobRunner runner(registry, host.services());
  auto uninstall = job("integration.uninstall",
                       R"({"integrationId":)" + std::to_string(integration) + R"(,"provider":"sdk_jobs"})");
  auto outcome = runner.run(uninstall, completion);
  EXPECT_EQ(outcome.kind, JobOutcome::Kind::Retry);
  EXPECT_EQ(outcome.reason, "retry: webhook removal failed");
  auto uow = host.begin();
  EXPECT_TRUE(host.integrations().find(*uow, "sdk_jobs", integration).has_value());
}

TEST_F(JobRunners, UninstallLeavesAnActiveIntegrationAlone) {
  int64_t org = host.createOrganization("acme");
  int64_t integration = host.installIntegration(org, "sdk_jobs", "ext-3");
  host::plugins::UninstallJobRunner runner(registry, host.services());
  auto outcome = runner.run(job("integration.uninstall", R"({"integrationId":)" + std::to_string(integration) +
                                                             R"(,"provider":"sdk_jobs"})"), completion);
  EXPECT_EQ(outcome.kind, JobOutcome::Kind::Done);
  auto uow = host.begin();
  EXPECT_TRUE(host.integrations().find(*uow, "sdk_jobs", integration).has_value());
}

TEST_F(JobRunners, UninstallRefusesWhatItCannotRun) {
  host::plugins::UninstallJobRunner runner(registry, host.services());
  EXPECT_EQ(runner.run(job("other.kind"), completion).reason, "unknown host job kind 'other.kind'");
  EXPECT_EQ(runner.run(job("integration.uninstall", "{}"), completion).reason, "malformed integration.uninstall payload");
  EXPECT_EQ(runner.run(job("integration.uninstall", R"({"integrationId":1,"provider":"nobody"})"), completion).reason,
            "plugin 'nobody' is not loaded");
}

}  // namespace
}  // namespace ih::test
