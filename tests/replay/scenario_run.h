// tests/replay/scenario_run.h - one run of a scenario against real processes: a
// fresh temp data dir, freshly generated credentials, mock-jira (replaying a
// fixture strictly, or stateful and recording), integration-host with the real
// plugins, the steps, and the end-of-run checks. Processes are stopped on every
// path (the ChildProcess destructors kill what is left).
#pragma once

#include <ostream>
#include <string>

#include "scenario.h"

namespace ih::replay {

struct RunOutcome {
  bool passed = false;
  std::string report;  // formatFailureReport(...) when it failed
};

// Replays `cassetteFile` (normally fixturePath(name); the mutation tests pass a
// mutated copy) with the steps of `scenario`: every step passes, GET /_mock/replay is
// complete (nothing unmatched, nothing unused) and mock-jira exits 0 on SIGTERM.
RunOutcome replayScenario(const Scenario& scenario, const std::string& cassetteFile, std::ostream& log);

struct Recording {
  RunOutcome outcome;
  std::string cassetteText;  // what mock-jira recorded
  std::string hostUrl;       // the host's base URL during the recording
};

// Runs the scenario's steps (record-only ones included) against the stateful mock
// seeded with its seed and recording into a temporary cassette.
Recording recordScenario(const Scenario& source, std::ostream& log);

}  // namespace ih::replay
