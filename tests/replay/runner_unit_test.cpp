// In-process checks of the scenario format's building blocks (label `unit`): JSON
// paths, the "json" containment rule, ${name} substitution and masking, the fixture
// layout, and the strict mode switch.
#include <gtest/gtest.h>

#include <cstdlib>

#include "fixture_mode.h"
#include "json_format.h"
#include "json_path.h"
#include "json_subset.h"
#include "support/json_helpers.h"
#include "variables.h"

namespace ih::replay {
namespace {

using ih::testing::parseJson;

TEST(JsonPath, FindsByDollarPathsAndPointers) {
  auto doc = parseJson(R"({"data": {"items": [{"id": "7"}], "url": "x?oauth_token=T"}})");
  EXPECT_EQ(findJsonPath(doc, "$.data.items[0].id")->GetString(), std::string("7"));
  EXPECT_EQ(findJsonPath(doc, "$.data.items.0.id")->GetString(), std::string("7"));
  EXPECT_EQ(findJsonPath(doc, "/data/items/0/id")->GetString(), std::string("7"));
  EXPECT_EQ(findJsonPath(doc, "$"), &doc);
  EXPECT_EQ(findJsonPath(doc, "$.data.missing"), nullptr);
  EXPECT_THROW(findJsonPath(doc, "data.items"), std::invalid_argument);
}

TEST(JsonSubset, ObjectsArePartialAndArraysUnordered) {
  auto actual = parseJson(R"({"status": "complete", "n": 2, "list": [{"t": "a", "x": 1}, {"t": "b"}], "extra": true})");
  EXPECT_TRUE(jsonSubsetDiffs(parseJson(R"({"status": "complete", "list": [{"t": "b"}, {"t": "a"}]})"), actual).empty());
  EXPECT_TRUE(jsonSubsetDiffs(parseJson(R"({"n": 2.0})"), actual).empty());
  auto diffs = jsonSubsetDiffs(parseJson(R"({"status": "error", "list": [{"t": "c"}], "gone": 1})"), actual);
  ASSERT_EQ(diffs.size(), 3u);
  EXPECT_EQ(diffs[0], R"($.status: expected "error" got "complete")");
  EXPECT_NE(diffs[1].find("$.list: no element matches {\"t\":\"c\"}"), std::string::npos);
  EXPECT_EQ(diffs[2], "$.gone: missing (expected 1)");
}

TEST(JsonSubset, AnExpectedElementMatchesOnlyOneActualElement) {
  auto actual = parseJson(R"([{"type": "assigned"}])");
  EXPECT_FALSE(jsonSubsetDiffs(parseJson(R"([{"type": "assigned"}, {"type": "assigned"}])"), actual).empty());
}

TEST(Variables, SubstituteAndMaskSecrets) {
  Variables vars;
  vars.set("org", "acme");
  vars.set("bobToken", "tok-1234567890");
  vars.set("pat.alice", "PAT0987654321", true);
  EXPECT_EQ(vars.substitute("/api/0/organizations/${org}/?t=${bobToken}"), "/api/0/organizations/acme/?t=tok-1234567890");
  EXPECT_THROW(vars.substitute("${nope}"), std::out_of_range);
  EXPECT_EQ(vars.mask("a tok-1234567890 and PAT0987654321"), "a <bobToken> and <pat.alice>");
  rapidjson::Document out;
  auto body = vars.substituteJson(parseJson(R"({"${org}": ["${org}", 1]})"), out.GetAllocator());
  EXPECT_EQ(ih::testing::toJson(body), R"({"acme":["acme",1]})");
}

TEST(JsonFormat, ShortValuesStayOnOneLine) {
  auto doc = parseJson(R"({"steps": [{"api": "GET /x", "expect": {"status": 200}}], "n": 1})");
  EXPECT_EQ(formatJson(doc), "{\"steps\": [{\"api\": \"GET /x\", \"expect\": {\"status\": 200}}], \"n\": 1}\n");
  const std::string longText(130, 'x');
  auto wide = parseJson(R"({"a": ")" + longText + R"(", "b": [1, 2]})");
  EXPECT_EQ(formatJson(wide), "{\n  \"a\": \"" + longText + "\",\n  \"b\": [1, 2]\n}\n");
}

class ModeSwitch : public ::testing::Test {
 protected:
  void TearDown() override {
    unsetenv("IH_FIXTURE_MODE");
    if (ci_.empty()) unsetenv("CI"); else setenv("CI", ci_.c_str(), 1);
  }
  std::string ci_ = std::getenv("CI") ? std::getenv("CI") : "";
};

TEST_F(ModeSwitch, ReplayByDefaultRecordOnRequestAnythingElseIsAnError) {
  unsetenv("CI");
  unsetenv("IH_FIXTURE_MODE");
  EXPECT_EQ(fixtureModeFromEnvironment(), FixtureMode::kReplay);
  setenv("IH_FIXTURE_MODE", "record", 1);
  EXPECT_EQ(fixtureModeFromEnvironment(), FixtureMode::kRecord);
  setenv("IH_FIXTURE_MODE", "rerecord", 1);
  EXPECT_THROW(fixtureModeFromEnvironment(), std::invalid_argument);
}

TEST_F(ModeSwitch, RecordingRefusesToRunInCi) {
  setenv("CI", "true", 1);
  setenv("IH_FIXTURE_MODE", "record", 1);
  EXPECT_THROW(fixtureModeFromEnvironment(), std::runtime_error);
  setenv("IH_FIXTURE_MODE", "replay", 1);
  EXPECT_EQ(fixtureModeFromEnvironment(), FixtureMode::kReplay);
}

}  // namespace
}  // namespace ih::replay
