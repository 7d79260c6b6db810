#include "fixture_recorder.h"

#include <filesystem>
#include <fstream>

#include "fixture_writer.h"
#include "fixtures/fixture_lint.h"

namespace ih::replay {
namespace {

RunOutcome failed(const std::string& report) { return RunOutcome{false, report}; }

void writeAtomically(const std::string& path, const std::string& text) {
  const auto temporary = path + ".tmp";
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    out << text;
    if (!out) throw std::runtime_error("cannot write " + temporary);
  }
  std::filesystem::rename(temporary, path);
}

}  // namespace

RunOutcome recordFixture(const std::string& name, std::ostream& log) {
  const auto source = loadRecordingSource(name);
  log << "[record] " << name << " from " << source.file << "\n";
  auto recording = recordScenario(source, log);
  if (!recording.outcome.passed) return recording.outcome;

  const auto fixture = composeFixture(source, recording.cassetteText, recording.hostUrl);
  // The lint of the unit suite, run before anything is written: a secret never lands.
  const auto findings = ih::mock::lintFixtureText(fixture, name + ".json");
  if (!findings.empty()) {
    std::string report = "the recorded fixture looks like it holds secrets; nothing was written:\n";
    for (const auto& finding : findings) report += "  " + ih::mock::describe(finding) + "\n";
    return failed(report);
  }
  const auto path = fixturePath(name);
  writeAtomically(path, fixture);
  log << "[record] wrote " << path << "\n";

  auto replayed = replayScenario(loadFixture(name), path, log);
  if (!replayed.passed) {
    return failed("the new fixture " + path + " does not replay green (timing or an unreplayed delivery?):\n" +
                  replayed.report);
  }
  log << "[record] " << name << " replays green\n";
  return replayed;
}

}  // namespace ih::replay
