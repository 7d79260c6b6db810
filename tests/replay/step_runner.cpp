#include "step_runner.h"

#include <chrono>
#include <sstream>
#include <thread>

#include "macros.h"
#include "step_fields.h"
#include "step_kinds.h"
#include "support/json_helpers.h"

namespace ih::replay {
namespace {

// The contract promises 5 s; the margin keeps a loaded CI machine from failing a good run.
constexpr int kDefaultTimeoutMs = 10000;
constexpr auto kPollInterval = std::chrono::milliseconds(50);

bool has(const rapidjson::Value& step, const char* key) { return optionalMember(step, key) != nullptr; }

}  // namespace

void StepRunner::runAll(const rapidjson::Value& steps) {
  for (rapidjson::SizeType i = 0; i < steps.Size(); ++i) {
    const auto& step = steps[i];
    const auto label = std::to_string(i + 1);
    std::string description;
    try {
      if (!step.IsObject()) throw StepFailure("a step is a JSON object");
      description = optionalString(step, "description", "");
    } catch (const StepFailure& e) {
      throw ScenarioFailure(label, "", ih::testing::toJson(step), e.what());
    }
    run(step, label, description);
  }
}

void StepRunner::run(const rapidjson::Value& step, const std::string& label, const std::string& description) {
  try {
    // A sub-step logs only its own description; a failure report gets the macro's too.
    const auto own = optionalString(step, "description", "");
    context_.log() << "[" << modeName(context_.mode) << "] step " << label << (own.empty() ? "" : " (" + own + ")") << "\n";
    if (has(step, "recordOnly") && step["recordOnly"].IsTrue() && !context_.recording()) {
      context_.log() << "    skipped: record only\n";
      return;
    }
    if (has(step, "org")) return runMacro(expandOrg(step), label, description);
    if (has(step, "install")) return runMacro(expandInstall(step), label, description);
    runPrimitive(step);
  } catch (const ScenarioFailure&) {
    throw;  // a sub-step of a macro, already labelled
  } catch (const StepFailure& e) {
    throw ScenarioFailure(label, description, ih::testing::toJson(step), e.what());
  } catch (const std::exception& e) {
    // The harness itself (a process gone, a refused connection) is worth the same report.
    throw ScenarioFailure(label, description, ih::testing::toJson(step), std::string("error: ") + e.what());
  }
}

void StepRunner::runMacro(const rapidjson::Document& expanded, const std::string& label, const std::string& description) {
  for (rapidjson::SizeType i = 0; i < expanded.Size(); ++i) {
    const auto subDescription = optionalString(expanded[i], "description", "");
    run(expanded[i], label + "." + std::to_string(i + 1),
        description + (subDescription.empty() || description.empty() ? "" : ": ") + subDescription);
  }
}

void StepRunner::runPrimitive(const rapidjson::Value& step) {
  if (has(step, "api")) return runApiStep(context_, step);
  if (has(step, "jira")) return runJiraStep(context_, step);
  if (has(step, "approve")) return runApproveStep(context_, step);
  if (has(step, "deliver")) return runDeliverStep(context_, step);
  if (has(step, "journal")) return runJournalStep(context_, step);
  if (has(step, "eventually")) return runEventually(step);
  throw StepFailure("unknown step: one of api, jira, approve, deliver, journal, eventually, org, install");
}

void StepRunner::runEventually(const rapidjson::Value& step) {
  requireOnlyKeys(step, {"eventually", "timeoutMs", "description"});
  const auto& inner = step["eventually"];
  if (!inner.IsObject() || !(has(inner, "api") || has(inner, "journal"))) {
    throw StepFailure("\"eventually\" wraps an api or journal step (no side effects: it repeats)");
  }
  const auto deadline = std::chrono::steady_clock::now() +
                        std::chrono::milliseconds(optionalInt(step, "timeoutMs", kDefaultTimeoutMs));
  std::ostream* log = context_.logStream;
  for (int attempt = 1;; ++attempt) {
    // Only the attempt that settles it is logged.
    std::ostringstream attemptLog;
    context_.logStream = &attemptLog;
    try {
      runPrimitive(inner);
      context_.logStream = log;
      context_.log() << attemptLog.str() << "    (passed at attempt " << attempt << ")\n";
      return;
    } catch (const StepFailure& e) {
      context_.logStream = log;
      if (std::chrono::steady_clock::now() >= deadline) {
        context_.log() << attemptLog.str();
        throw StepFailure("still failing after " + std::to_string(attempt) + " attempts: " + e.what());
      }
    } catch (...) {
      context_.logStream = log;
      throw;
    }
    std::this_thread::sleep_for(kPollInterval);
  }
}

}  // namespace ih::replay
