// Proves the replay suite can fail, and fails readably: a shipped fixture with ONE
// recorded value changed is replayed, and the run must fail with a report that names
// the failing step and, where a request no longer matches, the near miss (the
// interaction id and what differed). The reports are printed so they can be read.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <functional>
#include <iostream>
#include <sstream>

#include "json_format.h"
#include "scenario_run.h"
#include "support/temp_dir.h"

namespace ih::replay {
namespace {

using ::testing::HasSubstr;

// The recorded interaction with this method whose path ends with `suffix`.
rapidjson::Value& interaction(rapidjson::Document& fixture, const std::string& method, const std::string& suffix) {
  for (auto& candidate : fixture["interactions"].GetArray()) {
    const std::string path = candidate["request"]["path"].GetString();
    if (candidate["request"]["method"].GetString() == method && path.size() >= suffix.size() &&
        path.compare(path.size() - suffix.size(), suffix.size(), suffix) == 0) {
      return candidate;
    }
  }
  throw std::runtime_error("no recorded " + method + " ..." + suffix);
}

// The report names the request that matched nothing and its closest recorded interaction,
// with the matchers that passed and failed ("passed [...], failed [...]").
void expectNearMiss(const std::string& report, const std::string& request, const std::string& closest,
                    const std::string& matchers) {
  EXPECT_THAT(report, HasSubstr("near misses):\n  " + request));
  EXPECT_THAT(report, HasSubstr("closest: interaction " + closest + " - " + matchers));
}

class FixtureMutation : public ::testing::Test {
 protected:
  // Replays fixture `name` after `mutate` changed its document; prints the report.
  RunOutcome replayMutated(const std::string& name, const std::function<void(rapidjson::Document&)>& mutate) {
    auto scenario = loadFixture(name);
    mutate(scenario.doc);
    const auto file = dir_.write(name + ".mutated.json", formatJson(scenario.doc));
    auto outcome = replayScenario(scenario, file, log_);
    std::cout << outcome.report;
    return outcome;
  }

  ih::testing::TempDir dir_;
  std::ostringstream log_;  // the step log of a run that is meant to fail
};

TEST_F(FixtureMutation, ADoneStatusThatIsNoLongerDoneFailsTheStatusStep) {
  auto outcome = replayMutated("inbound-status-done-and-back", [](rapidjson::Document& fixture) {
    // Jira's first delivery now says the ticket's status 10001 "Done" is in progress.
    auto& status = fixture["deliveries"][0]["body"]["issue"]["fields"]["status"];
    status["statusCategory"]["key"].SetString("indeterminate");
  });
  ASSERT_FALSE(outcome.passed);
  // Every request still matched: the delivery itself misled the host, and the step says so.
  EXPECT_THAT(outcome.report, HasSubstr("step 7 of 12 (the linked issue is resolved) failed"));
  EXPECT_THAT(outcome.report, HasSubstr("json $.status: expected \"resolved\" got \"unresolved\""));
  EXPECT_THAT(outcome.report, HasSubstr("---- integration-host stderr"));
}

TEST_F(FixtureMutation, AnotherServerVersionSendsTheWebhookElsewhereAndNamesTheNearMiss) {
  std::string webhookId;  // the recorded legacy registration, which the near miss must name
  auto outcome = replayMutated("install-jira9", [&](rapidjson::Document& fixture) {
    webhookId = std::to_string(interaction(fixture, "POST", "/rest/webhooks/1.0/webhook")["id"].GetInt64());
    auto& info = interaction(fixture, "GET", "/rest/api/2/serverInfo")["response"]["body"]["json"];
    info["version"].SetString("10.3.0");
    info["versionNumbers"][0].SetInt(10);
    info["versionNumbers"][1].SetInt(3);
  });
  ASSERT_FALSE(outcome.passed);
  EXPECT_THAT(outcome.report,
              HasSubstr("step 2.4 of 6 (install, approved by the Jira admin alice: install: step 2, the OAuth callback) failed"));
  EXPECT_THAT(outcome.report, HasSubstr("mock-jira answered 1 request(s) 418"));
  expectNearMiss(outcome.report, "POST /jira/rest/jira-webhook/1.0/webhooks",
                 webhookId + " (POST /jira/rest/webhooks/1.0/webhook)", "passed [method, query, headers], failed [path, body]");
  EXPECT_THAT(outcome.report, HasSubstr("path: expected \"/jira/rest/webhooks/1.0/webhook\" got \"/jira/rest/jira-webhook/1.0/webhooks\""));
}

TEST_F(FixtureMutation, AnotherExpectedAssigneeNamesTheBodyDifference) {
  std::string assignId;
  auto outcome = replayMutated("outbound-assignee-one-hit", [&](rapidjson::Document& fixture) {
    auto& assign = interaction(fixture, "PUT", "/rest/api/2/issue/OPS-1/assignee");
    assignId = std::to_string(assign["id"].GetInt64());
    assign["request"]["body"]["json"]["name"].SetString("bob");
  });
  ASSERT_FALSE(outcome.passed);
  // Jira answered 418, so the outbound job is dead-lettered and never done.
  EXPECT_THAT(outcome.report, HasSubstr("step 6 of 12 (the outbound job ran) failed"));
  expectNearMiss(outcome.report, "PUT /jira/rest/api/2/issue/OPS-1/assignee",
                 assignId + " (PUT /jira/rest/api/2/issue/OPS-1/assignee)", "passed [method, path, query, headers], failed [body]");
  EXPECT_THAT(outcome.report, HasSubstr("body $.name: expected \"bob\" got \"alice\""));
}

}  // namespace
}  // namespace ih::replay
