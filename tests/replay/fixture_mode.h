// tests/replay/fixture_mode.h - how the runner was asked to work, from the
// environment: IH_FIXTURE_MODE=replay (default) plays fixtures strictly,
// IH_FIXTURE_MODE=record records IH_FIXTURE against the stateful mock. Anything
// else is a hard error, and recording refuses to run where CI is set, so CI never
// rewrites a fixture.
#pragma once

#include <string>
#include <vector>

namespace ih::replay {

enum class FixtureMode { kReplay, kRecord };

// Throws std::invalid_argument for an unknown IH_FIXTURE_MODE, std::runtime_error
// for record mode under CI.
FixtureMode fixtureModeFromEnvironment();
const char* modeName(FixtureMode mode);

// The scenario names the runner works on: IH_FIXTURE (comma-separated) when set,
// else every fixtures/jira_server/*.json, sorted.
std::vector<std::string> selectedScenarioNames();

}  // namespace ih::replay
