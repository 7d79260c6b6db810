// tests/replay/failure_report.h - the readable account of a failed scenario run:
// which step failed and how, what mock-jira's replay says (near-miss reports naming
// the closest recorded interactions and what differed, unused interactions), and
// the tails of both processes' stderr.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <rapidjson/document.h>

#include "step_runner.h"

namespace ih::replay {

struct FailureFacts {
  std::string scenario;
  std::string mode;
  int stepCount = 0;
  std::optional<ScenarioFailure> failedStep;
  std::vector<std::string> problems;  // end-of-run checks that failed
  std::string replayStatusJson;       // GET /_mock/replay ("" when not replaying)
  const rapidjson::Value* interactions = nullptr;  // the fixture's, to name unused ones
  std::string hostStderr;
  std::string mockStderr;
};

std::string formatFailureReport(const FailureFacts& facts);

// The near-miss part alone (also used by the mutation tests' assertions).
std::string describeReplayStatus(const std::string& replayStatusJson, const rapidjson::Value* interactions);

}  // namespace ih::replay
