// tests/replay/run_context.h - what every step of a running scenario works with:
// the mode, the two processes, the variables and the log.
#pragma once

#include <ostream>
#include <stdexcept>
#include <string>

#include "fixture_mode.h"
#include "host_process.h"
#include "support/mock_jira_process.h"
#include "variables.h"

namespace ih::replay {

// A step did not do what the scenario says; the message says what happened instead.
struct StepFailure : std::runtime_error {
  using std::runtime_error::runtime_error;
};

struct RunContext {
  FixtureMode mode;
  ih::e2e::HostProcess& host;
  ih::testing::MockJiraProcess& jira;
  Variables& vars;
  std::ostream* logStream;  // a pointer so "eventually" can keep its failed attempts quiet
  std::string adminToken;

  bool recording() const { return mode == FixtureMode::kRecord; }
  std::ostream& log() const { return *logStream; }
};

// An HTTP answer, whoever gave it.
struct Answer {
  int status = 0;
  std::string body;
};

}  // namespace ih::replay
