#include "scenario.h"

#include <algorithm>
#include <filesystem>
#include <stdexcept>

#include "support/json_helpers.h"
#include "support/temp_dir.h"
#include "support/test_paths.h"

namespace ih::replay {
namespace {

const rapidjson::Value* member(const rapidjson::Value& object, const char* name) {
  if (!object.IsObject()) return nullptr;
  auto found = object.FindMember(name);
  return found == object.MemberEnd() ? nullptr : &found->value;
}

std::string jiraText(const rapidjson::Value& doc, const char* key) {
  const auto* jira = member(doc, "jira");
  const auto* value = jira == nullptr ? nullptr : member(*jira, key);
  return value != nullptr && value->IsString() ? value->GetString() : "";
}

void validate(const Scenario& scenario) {
  const auto* format = member(scenario.doc, "suite_format");
  if (format == nullptr || !format->IsInt() || format->GetInt() != kSuiteFormat) {
    throw std::runtime_error(scenario.file + ": \"suite_format\" must be " + std::to_string(kSuiteFormat));
  }
  const auto* steps = member(scenario.doc, "steps");
  if (steps == nullptr || !steps->IsArray()) throw std::runtime_error(scenario.file + ": \"steps\" must be an array");
  const auto* seed = member(scenario.doc, "seed");
  if (seed == nullptr || !(seed->IsObject() || seed->IsString())) {
    throw std::runtime_error(scenario.file + ": \"seed\" must be an object (or, in a source, a seed file name)");
  }
}

// A source's "seed": "default" becomes the content of scenarios/seeds/default.json.
void expandSeedReference(Scenario& scenario) {
  auto& seed = scenario.doc["seed"];
  if (!seed.IsString()) return;
  const std::string file = sourcesDirectory() + "/seeds/" + seed.GetString() + ".json";
  if (!std::filesystem::exists(file)) throw std::runtime_error(scenario.file + ": no seed file " + file);
  auto shared = ih::testing::parseJson(ih::testing::readFile(file));
  seed.CopyFrom(shared, scenario.doc.GetAllocator());
}

}  // namespace

std::string Scenario::description() const {
  const auto* text = member(doc, "description");
  return text != nullptr && text->IsString() ? text->GetString() : "";
}

const rapidjson::Value& Scenario::seed() const { return doc["seed"]; }
const rapidjson::Value& Scenario::steps() const { return doc["steps"]; }
std::string Scenario::jiraVersion() const { return jiraText(doc, "version"); }
std::string Scenario::contextPath() const { return jiraText(doc, "contextPath"); }

std::string fixturesDirectory() { return ih::testing::sourceDir() + "/fixtures/jira_server"; }
std::string sourcesDirectory() { return ih::testing::sourceDir() + "/tests/replay/scenarios"; }
std::string fixturePath(const std::string& name) { return fixturesDirectory() + "/" + name + ".json"; }

Scenario loadScenarioFile(const std::string& name, const std::string& file) {
  if (!std::filesystem::exists(file)) throw std::runtime_error("no scenario file " + file);
  Scenario scenario;
  scenario.name = name;
  scenario.file = file;
  const auto text = ih::testing::readFile(file);
  scenario.doc.Parse(text.c_str(), text.size());
  if (scenario.doc.HasParseError() || !scenario.doc.IsObject()) {
    throw std::runtime_error(file + ": not a JSON object (parse error at offset " +
                             std::to_string(scenario.doc.GetErrorOffset()) + ")");
  }
  validate(scenario);
  expandSeedReference(scenario);
  return scenario;
}

Scenario loadFixture(const std::string& name) { return loadScenarioFile(name, fixturePath(name)); }

Scenario loadRecordingSource(const std::string& name) {
  const auto source = sourcesDirectory() + "/" + name + ".json";
  return loadScenarioFile(name, std::filesystem::exists(source) ? source : fixturePath(name));
}

std::vector<std::string> shippedFixtureNames() {
  std::vector<std::string> names;
  if (!std::filesystem::is_directory(fixturesDirectory())) return names;
  for (const auto& entry : std::filesystem::directory_iterator(fixturesDirectory())) {
    if (entry.path().extension() == ".json") names.push_back(entry.path().stem().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

}  // namespace ih::replay
