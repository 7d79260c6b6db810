// Settings (config_update / config_view): every key's type check, unknown
// keys, the status mapping (validation, replace, {} = off), ignored fields
// normalisation and their view, and the plugin-kept keys that the API
// neither changes nor shows.
#include "support/outbound_fixtures.h"

namespace ih::jira::testing {
namespace {

class SettingsTest : public OutboundTest {
 protected:
  Outcome update(const std::string& patch, const std::string& stored = "{}") {
    return hooks.configUpdate(stored, patch);
  }
  // The stored config after a successful update.
  ihp::sdk::json::Document saved(const std::string& patch, const std::string& stored = "{}") {
    auto outcome = update(patch, stored);
    EXPECT_EQ(outcome.status, IHP_OK);
    EXPECT_EQ(outcome.reply.status, 200) << outcome.reply.body;
    return parseJson(outcome.reply.body);
  }
  void expectFieldError(const std::string& patch, const std::string& field, const std::string& message) {
    auto outcome = update(patch);
    EXPECT_EQ(outcome.status, IHP_OK);
    EXPECT_EQ(outcome.reply.status, 400) << patch;
    auto body = parseJson(outcome.reply.body);
    const auto* errors = jsonAt(body, field);
    ASSERT_TRUE(errors != nullptr && errors->IsArray() && errors->Size() == 1) << outcome.reply.body;
    EXPECT_EQ(std::string((*errors)[0].GetString()), message) << patch;
  }
};

TEST_F(SettingsTest, TogglesAndStrategyAreStored) {
  auto config = saved(R"({"sync_forward_assignment":true,"sync_reverse_assignment":false,"sync_status_reverse":true,
                          "sync_comments":true,"resolution_strategy":"resolve_next_release"})");
  EXPECT_TRUE(config["sync_forward_assignment"].GetBool());
  EXPECT_FALSE(config["sync_reverse_assignment"].GetBool());
  EXPECT_TRUE(config["sync_status_reverse"].GetBool());
  EXPECT_TRUE(config["sync_comments"].GetBool());
  EXPECT_EQ(jsonString(config, "resolution_strategy"), "resolve_next_release");
}

TEST_F(SettingsTest, EachToggleMustBeABoolean) {
  for (const char* key :
       {"sync_reverse_assignment", "sync_forward_assignment", "sync_status_reverse", "sync_comments"}) {
    for (const char* value : {"\"yes\"", "1", "null", "{}"}) {
      expectFieldError(std::string("{\"") + key + "\":" + value + "}", key, "Must be a boolean.");
    }
  }
}

TEST_F(SettingsTest, ResolutionStrategyMustBeKnown) {
  for (const char* value : {"\"resolve\"", "\"resolve_current_release\"", "\"resolve_next_release\""}) {
    EXPECT_EQ(update(std::string(R"({"resolution_strategy":)") + value + "}").reply.status, 200) << value;
  }
  for (const char* value : {"\"archive\"", "\"\"", "true", "3"}) {
    expectFieldError(std::string(R"({"resolution_strategy":)") + value + "}", "resolution_strategy",
                     "Must be one of: resolve, resolve_current_release, resolve_next_release.");
  }
}

TEST_F(SettingsTest, UnknownKeysAreRejectedWithTheKeyAsField) {
  expectFieldError(R"({"colour":"blue"})", "colour", "Unknown setting.");
  // The plugin's own keys cannot be written through the API either.
  expectFieldError(R"({"project_issue_defaults":{}})", "project_issue_defaults", "Unknown setting.");
}

TEST_F(SettingsTest, EveryInvalidKeyIsReportedAtOnceAndNothingIsSaved) {
  auto outcome = update(R"({"colour":1,"sync_comments":"x","sync_forward_assignment":true})");
  EXPECT_EQ(outcome.reply.status, 400);
  auto body = parseJson(outcome.reply.body);
  EXPECT_TRUE(jsonHas(body, "colour"));
  EXPECT_TRUE(jsonHas(body, "sync_comments"));
  EXPECT_FALSE(jsonHas(body, "sync_forward_assignment"));
}

TEST_F(SettingsTest, PatchThatIsNotAnObjectIs400) {
  EXPECT_EQ(update("[1]").reply.status, 400);
  EXPECT_EQ(update("nope").reply.status, 400);
}

TEST_F(SettingsTest, StatusMappingIsValidatedAndTrimmed) {
  auto config = saved(R"({"sync_status_forward":{"10000":{"on_resolve":" 10001 ","on_unresolve":"1"}}})");
  EXPECT_EQ(jsonString(config, "sync_status_forward/10000/on_resolve"), "10001");
  EXPECT_EQ(jsonString(config, "sync_status_forward/10000/on_unresolve"), "1");

  for (const char* mapping :
       {R"({"10000":{"on_resolve":"10001","on_unresolve":""}})", R"({"10000":{"on_resolve":"10001"}})",
        R"({"10000":{"on_unresolve":"1"}})", R"({"10000":{}})", R"({"10000":"10001"})",
        R"({"10000":{"on_resolve":null,"on_unresolve":"1"}})"}) {
    expectFieldError(std::string(R"({"sync_status_forward":)") + mapping + "}", "sync_status_forward",
                     "Resolve and unresolve status are required.");
  }
}

TEST_F(SettingsTest, SavingTheMappingReplacesItWhole) {
  const std::string stored =
      R"({"sync_comments":true,"sync_status_forward":{"10000":{"on_resolve":"10001","on_unresolve":"1"}}})";
  auto config = saved(R"({"sync_status_forward":{"20000":{"on_resolve":"5","on_unresolve":"6"}}})", stored);
  EXPECT_FALSE(jsonHas(config, "sync_status_forward/10000"));
  EXPECT_EQ(jsonString(config, "sync_status_forward/20000/on_resolve"), "5");
  EXPECT_TRUE(config["sync_comments"].GetBool());  // other keys untouched
}

TEST_F(SettingsTest, EmptyMappingTurnsStatusSyncOff) {
  auto config = saved(R"({"sync_status_forward":{}})",
                      R"({"sync_status_forward":{"10000":{"on_resolve":"10001","on_unresolve":"1"}}})");
  ASSERT_TRUE(config["sync_status_forward"].IsObject());
  EXPECT_EQ(config["sync_status_forward"].MemberCount(), 0u);
}

TEST_F(SettingsTest, IgnoredFieldsAreSplitTrimmedAndStoredAsAList) {
  auto config = saved(R"({"issues_ignored_fields":" customfield_1, labels ,\n\r\npriority,, "})");
  const auto& list = config["issues_ignored_fields"];
  ASSERT_TRUE(list.IsArray());
  ASSERT_EQ(list.Size(), 3u);
  EXPECT_STREQ(list[0].GetString(), "customfield_1");
  EXPECT_STREQ(list[1].GetString(), "labels");
  EXPECT_STREQ(list[2].GetString(), "priority");

  auto fromList = saved(R"({"issues_ignored_fields":[" a ","","b"]})");
  EXPECT_EQ(fromList["issues_ignored_fields"].Size(), 2u);
  expectFieldError(R"({"issues_ignored_fields":7})", "issues_ignored_fields", "Must be a string or a list of strings.");
  expectFieldError(R"({"issues_ignored_fields":["a",1]})", "issues_ignored_fields",
                   "Must be a string or a list of strings.");
}

TEST_F(SettingsTest, UpdateAnswersTheCompleteConfigKeepingPluginState) {
  const std::string stored =
      R"({"sync_comments":false,"project_issue_defaults":{"10000":{"issuetype":"1"}},"project_issue_last":"10000"})";
  auto config = saved(R"({"sync_comments":true})", stored);
  EXPECT_TRUE(config["sync_comments"].GetBool());
  EXPECT_EQ(jsonString(config, "project_issue_defaults/10000/issuetype"), "1");
  EXPECT_EQ(jsonString(config, "project_issue_last"), "10000");
}

TEST_F(SettingsTest, CorruptStoredConfigCountsAsEmpty) {
  auto config = saved(R"({"sync_comments":true})", "not json");
  EXPECT_TRUE(config["sync_comments"].GetBool());
  EXPECT_EQ(config.MemberCount(), 1u);
}

TEST_F(SettingsTest, ViewJoinsIgnoredFieldsAndHidesPluginState) {
  auto outcome = hooks.configView(
      R"({"sync_comments":true,"issues_ignored_fields":["a","b"],"project_issue_defaults":{"1":{}},)"
      R"("project_issue_last":"1","sync_status_forward":{"10000":{"on_resolve":"10001","on_unresolve":"1"}}})");
  EXPECT_EQ(outcome.status, IHP_OK);
  EXPECT_EQ(outcome.reply.status, 200);
  auto view = parseJson(outcome.reply.body);
  EXPECT_EQ(jsonString(view, "issues_ignored_fields"), "a, b");
  EXPECT_FALSE(jsonHas(view, "project_issue_defaults"));
  EXPECT_FALSE(jsonHas(view, "project_issue_last"));
  EXPECT_TRUE(view["sync_comments"].GetBool());
  EXPECT_EQ(jsonString(view, "sync_status_forward/10000/on_resolve"), "10001");
}

TEST_F(SettingsTest, ViewOfAnEmptyConfigIsEmpty) {
  auto outcome = hooks.configView("{}");
  EXPECT_EQ(outcome.reply.body, "{}");
}

}  // namespace
}  // namespace ih::jira::testing
