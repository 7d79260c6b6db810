#include "fixture_mode.h"

#include <algorithm>
#include <cstdlib>
#include <stdexcept>

#include "scenario.h"

namespace ih::replay {

FixtureMode fixtureModeFromEnvironment() {
  const char* raw = std::getenv("IH_FIXTURE_MODE");
  const std::string mode = raw == nullptr ? "" : raw;
  if (mode.empty() || mode == "replay") return FixtureMode::kReplay;
  if (mode != "record") {
    throw std::invalid_argument("IH_FIXTURE_MODE must be \"replay\" or \"record\", not \"" + mode + "\"");
  }
  const char* ci = std::getenv("CI");
  if (ci != nullptr && *ci != '\0') {
    throw std::runtime_error("IH_FIXTURE_MODE=record refuses to run with CI set: fixtures are recorded by a person");
  }
  return FixtureMode::kRecord;
}

const char* modeName(FixtureMode mode) { return mode == FixtureMode::kRecord ? "record" : "replay"; }

std::vector<std::string> selectedScenarioNames() {
  const char* chosen = std::getenv("IH_FIXTURE");
  if (chosen == nullptr || *chosen == '\0') return shippedFixtureNames();
  std::vector<std::string> names;
  std::string list = chosen;
  for (std::size_t from = 0; from <= list.size();) {
    auto comma = std::min(list.find(',', from), list.size());
    if (comma > from) names.push_back(list.substr(from, comma - from));
    from = comma + 1;
  }
  return names;
}

}  // namespace ih::replay
