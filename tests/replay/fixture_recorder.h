// tests/replay/fixture_recorder.h - IH_FIXTURE_MODE=record: records scenario
// `name` (from tests/replay/scenarios/<name>.json, else the fixture's own steps)
// against the stateful mock, lints the result for secrets, writes
// fixtures/jira_server/<name>.json, and replays it once to prove it plays green.
#pragma once

#include <ostream>
#include <string>

#include "scenario_run.h"

namespace ih::replay {

RunOutcome recordFixture(const std::string& name, std::ostream& log);

}  // namespace ih::replay
