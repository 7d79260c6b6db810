// tests/replay/step_runner.h - runs a scenario's steps in order: dispatches each
// step to its kind (step_kinds.h), expands macros (macros.h), skips record-only
// steps on replay, polls "eventually" steps, and turns the first failure into a
// ScenarioFailure that names the step.
//
//   {"eventually": <api or journal step>, "timeoutMs": 10000}
//     repeats the inner step until it passes (for the host's asynchronous jobs).
#pragma once

#include <stdexcept>
#include <string>

#include <rapidjson/document.h>

#include "run_context.h"

namespace ih::replay {

struct ScenarioFailure : std::runtime_error {
  ScenarioFailure(std::string label, std::string description, std::string stepJson, const std::string& message)
      : std::runtime_error(message), label(std::move(label)), description(std::move(description)),
        stepJson(std::move(stepJson)) {}
  std::string label;        // "4" or "4.2" (sub-step of a macro)
  std::string description;  // the step's "description", or the macro's
  std::string stepJson;     // the step as written (no secrets: ${names} unsubstituted)
};

class StepRunner {
 public:
  explicit StepRunner(RunContext& context) : context_(context) {}

  // Throws ScenarioFailure at the first step that fails.
  void runAll(const rapidjson::Value& steps);

 private:
  void run(const rapidjson::Value& step, const std::string& label, const std::string& description);
  void runPrimitive(const rapidjson::Value& step);
  void runEventually(const rapidjson::Value& step);
  void runMacro(const rapidjson::Document& expanded, const std::string& label, const std::string& description);

  RunContext& context_;
};

}  // namespace ih::replay
