// tests/replay/scenario.h - one scenario of the replay suite (docs/fixtures.md):
// a fixture fixtures/jira_server/<name>.json (a mock-jira cassette plus the suite's
// suite_format, description, seed and steps) or, for recording, its source
// tests/replay/scenarios/<name>.json (the same suite keys and a "jira" section, no
// interactions yet; "seed" may name a shared file in scenarios/seeds/).
#pragma once

#include <string>
#include <vector>

#include <rapidjson/document.h>

namespace ih::replay {

inline constexpr int kSuiteFormat = 1;

struct Scenario {
  std::string name;
  std::string file;  // where it was loaded from
  rapidjson::Document doc;

  std::string description() const;
  const rapidjson::Value& seed() const;   // an object
  const rapidjson::Value& steps() const;  // an array
  // The "jira" section: the cassette's, or the source's recording settings.
  std::string jiraVersion() const;  // "" = the mock's default
  std::string contextPath() const;
};

std::string fixturesDirectory();  // <repo>/fixtures/jira_server
std::string sourcesDirectory();   // <repo>/tests/replay/scenarios
std::string fixturePath(const std::string& name);

// Throws std::runtime_error naming the file: unreadable, not JSON, suite_format not 1,
// missing steps or seed.
Scenario loadScenarioFile(const std::string& name, const std::string& file);
Scenario loadFixture(const std::string& name);
// The source when there is one, else the shipped fixture (re-recording its own steps).
Scenario loadRecordingSource(const std::string& name);

// Names of fixtures/jira_server/*.json, sorted.
std::vector<std::string> shippedFixtureNames();

}  // namespace ih::replay
