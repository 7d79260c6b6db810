// The fixture-replay suite (CTest label `replay`): every fixtures/jira_server/*.json
// is replayed strictly through a real integration-host and `mock-jira --replay`
// (scenario_run.h). CTest runs one process per fixture with IH_FIXTURE=<name>
// (tests/replay/CMakeLists.txt); run by hand, the binary takes IH_FIXTURE or every
// fixture. With IH_FIXTURE_MODE=record the same test records IH_FIXTURE instead
// (docs/fixtures.md, scripts/record-fixture).
#include <gtest/gtest.h>

#include <cctype>
#include <iostream>

#include "fixture_mode.h"
#include "fixture_recorder.h"
#include "scenario_run.h"

namespace ih::replay {
namespace {

class FixtureScenario : public ::testing::TestWithParam<std::string> {};

TEST_P(FixtureScenario, PlaysStrictly) {
  RunOutcome outcome;
  try {
    if (fixtureModeFromEnvironment() == FixtureMode::kRecord) {
      outcome = recordFixture(GetParam(), std::cout);
    } else {
      outcome = replayScenario(loadFixture(GetParam()), fixturePath(GetParam()), std::cout);
    }
  } catch (const std::exception& e) {
    FAIL() << e.what();
  }
  EXPECT_TRUE(outcome.passed) << outcome.report;
}

std::string testName(const ::testing::TestParamInfo<std::string>& info) {
  std::string name = info.param;
  for (auto& c : name) {
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  }
  return name;
}

INSTANTIATE_TEST_SUITE_P(Fixtures, FixtureScenario, ::testing::ValuesIn(selectedScenarioNames()), testName);

}  // namespace
}  // namespace ih::replay
