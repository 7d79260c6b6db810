// The create form: project / issue type selection (params, saved defaults,
// first), the fields built from createmeta (all pages), hidden fields,
// ordering, defaults and the failure answers.
#include "support/outbound_fixtures.h"

namespace ih::jira::testing {
namespace {

using ::testing::Return;

const std::string kProjects =
    R"([{"id":"10000","key":"OPS","name":"Operations"},{"id":"20000","key":"WEB","name":"Web"}])";

std::string typesUrl(const std::string& project, int64_t startAt = 0) {
  return api("/issue/createmeta/" + project + "/issuetypes?startAt=" + std::to_string(startAt) + "&maxResults=50");
}
std::string fieldsUrl(const std::string& project, const std::string& type, int64_t startAt = 0) {
  return api("/issue/createmeta/" + project + "/issuetypes/" + type + "?startAt=" + std::to_string(startAt) +
             "&maxResults=50");
}

std::string meta(const std::string& id, const std::string& name, bool required, const std::string& schema,
                 const std::string& extra = "") {
  return R"({"fieldId":")" + id + R"(","name":")" + name + R"(","required":)" + (required ? "true" : "false") +
         R"(,"schema":)" + schema + extra + "}";
}

// OPS / Bug's fields, in Jira's (unsorted) order, over two pages.
std::vector<std::string> firstPage() {
  return {
      meta("summary", "Summary", true, R"({"type":"string","system":"summary"})"),
      meta("issuetype", "Issue Type", true, R"({"type":"issuetype","system":"issuetype"})"),
      meta("labels", "Labels", false, R"({"type":"array","items":"string","system":"labels"})"),
      meta("customfield_10200", "Team", false,
           R"({"type":"option","custom":"com.atlassian.jira.plugin.system.customfieldtypes:select","customId":10200})",
           R"(,"allowedValues":[{"id":"1","value":"Red"},{"id":"2","value":"Blue"}])"),
      meta("components", "Component/s", false, R"({"type":"array","items":"component","system":"components"})",
           R"(,"allowedValues":[{"id":"100","name":"Backend"}])"),
      meta("issuelinks", "Linked Issues", false, R"({"type":"array","items":"issuelinks","system":"issuelinks"})")};
}
std::vector<std::string> secondPage() {
  return {
      meta("priority", "Priority", false, R"({"type":"priority","system":"priority"})",
           R"(,"allowedValues":[{"id":"1","name":"Highest"},{"id":"3","name":"Medium"}],"defaultValue":{"id":"3"})"),
      meta("assignee", "Assignee", false, R"({"type":"user","system":"assignee"})"),
      meta("fixVersions", "Fix Version/s", false, R"({"type":"array","items":"version","system":"fixVersions"})",
           R"(,"allowedValues":[{"id":"500","name":"1.0"}])"),
      meta("customfield_10300", "Areas", false, R"({"type":"array","items":"option","custom":"x:multiselect"})",
           R"(,"allowedValues":[{"id":"7","value":"Docs"}])"),
      meta("customfield_10400", "Budget", true, R"({"type":"number","custom":"x:float"})"),
      meta("customfield_10500", "Notes", false, R"({"type":"string","custom":"x:textarea"})"),
      meta("reporter", "Reporter", true, R"({"type":"user","system":"reporter"})")};
}

class CreateFormTest : public OutboundTest {
 protected:
  // Jira lists its projects.
  void answerProjects() { host.http.on("GET", api("/project"), respond(200, kProjects)); }
  // Bug and Task in project 10000.
  void answerTypesOf10000() {
    host.http.on("GET", typesUrl("10000"),
                 respond(200, page({R"({"id":"1","name":"Bug"})", R"({"id":"2","name":"Task"})"}, 0, true)));
  }
  // Task in project 20000.
  void answerTypesOf20000() {
    host.http.on("GET", typesUrl("20000"), respond(200, page({R"({"id":"2","name":"Task"})"}, 0, true)));
  }
  // The first page of Bug fields in 10000.
  void answerBugFieldsFirstPage() {
    host.http.on("GET", fieldsUrl("10000", "1"), respond(200, page(firstPage(), 0, false)));
  }
  // The second page of Bug fields in 10000.
  void answerBugFieldsSecondPage() {
    host.http.on("GET", fieldsUrl("10000", "1", 6), respond(200, page(secondPage(), 6, true)));
  }
  // No Task fields in 10000.
  void answerTaskFieldsOf10000() { host.http.on("GET", fieldsUrl("10000", "2"), respond(200, page({}, 0, true))); }
  // No Task fields in 20000.
  void answerTaskFieldsOf20000() { host.http.on("GET", fieldsUrl("20000", "2"), respond(200, page({}, 0, true))); }
  // What the form of project 10000's first type (Bug) reads.
  void answerTheBugForm() {
    answerProjects();
    answerTypesOf10000();
    answerBugFieldsFirstPage();
    answerBugFieldsSecondPage();
  }
  ihp::sdk::json::Document form(const std::string& config = "{}",
                                const std::map<std::string, std::string>& params = {}) {
    auto outcome = hooks.form(IHP_FORM_CREATE, formContext(config, params));
    EXPECT_EQ(outcome.status, IHP_OK);
    EXPECT_EQ(outcome.reply.status, 200) << outcome.reply.body;
    return parseJson(outcome.reply.body);
  }
  static std::vector<std::string> names(const ihp::sdk::json::Document& form) {
    std::vector<std::string> out;
    for (const auto& field : form["fields"].GetArray()) out.push_back(field["name"].GetString());
    return out;
  }
  static const ihp::sdk::json::Value& field(const ihp::sdk::json::Document& form, const std::string& name) {
    for (const auto& f : form["fields"].GetArray()) {
      if (name == f["name"].GetString()) return f;
    }
    static const ihp::sdk::json::Value kNull;
    ADD_FAILURE() << "no field " << name;
    return kNull;
  }
};

TEST_F(CreateFormTest, FieldsComeInSentrysOrderFromEveryPage) {
  answerTheBugForm();
  auto doc = form();
  EXPECT_EQ(names(doc), (std::vector<std::string>{"project", "issuetype", "title", "description", "priority",
                                                  "fixVersions", "components", "assignee", "customfield_10200",
                                                  "customfield_10300", "customfield_10400", "labels", "reporter"}));
  EXPECT_EQ(host.http.count("GET", fieldsUrl("10000", "1", 6)), 1u);
}

TEST_F(CreateFormTest, ProjectAndIssueTypeAreSelectsThatReloadTheForm) {
  answerTheBugForm();
  auto doc = form();
  const auto& project = field(doc, "project");
  EXPECT_EQ(jsonString(project, "type"), "select");
  EXPECT_TRUE(project["updatesForm"].GetBool());
  EXPECT_EQ(jsonString(project, "default"), "10000");
  ASSERT_EQ(project["choices"].Size(), 2u);
  EXPECT_STREQ(project["choices"][1][0].GetString(), "20000");
  EXPECT_STREQ(project["choices"][1][1].GetString(), "WEB");
  const auto& type = field(doc, "issuetype");
  EXPECT_EQ(jsonString(type, "default"), "1");
  EXPECT_STREQ(type["choices"][1][1].GetString(), "Task");
}

TEST_F(CreateFormTest, TitleAndDescriptionLinkBackToTheIssue) {
  answerTheBugForm();
  auto doc = form();
  EXPECT_EQ(jsonString(field(doc, "title"), "default"), "Boom");
  EXPECT_TRUE(field(doc, "title")["required"].GetBool());
  EXPECT_EQ(
      jsonString(field(doc, "description"), "default"),
      "Sentry Issue: [SHORT-1|https://host.example.test/organizations/acme/issues/42/?referrer=jira_integration]");
  EXPECT_EQ(jsonString(field(doc, "description"), "type"), "textarea");
}

TEST_F(CreateFormTest, FieldKindsFollowTheSchema) {
  answerTheBugForm();
  auto doc = form();
  const auto& priority = field(doc, "priority");
  EXPECT_EQ(jsonString(priority, "type"), "select");
  EXPECT_EQ(jsonString(priority, "default"), "3");  // Jira's default without a saved one
  EXPECT_STREQ(priority["choices"][0][1].GetString(), "Highest");
  EXPECT_EQ(jsonString(field(doc, "labels"), "type"), "text");
  const auto& components = field(doc, "components");
  EXPECT_TRUE(components["multiple"].GetBool());
  EXPECT_STREQ(components["choices"][0][0].GetString(), "100");
  EXPECT_TRUE(field(doc, "fixVersions")["multiple"].GetBool());
  const auto& team = field(doc, "customfield_10200");
  EXPECT_FALSE(jsonHas(team, "multiple"));
  EXPECT_STREQ(team["choices"][1][0].GetString(), "Blue");  // options are submitted by value
  EXPECT_TRUE(field(doc, "customfield_10300")["multiple"].GetBool());
  EXPECT_EQ(jsonString(field(doc, "customfield_10400"), "type"), "text");  // required number
  EXPECT_TRUE(field(doc, "reporter")["required"].GetBool());
}

TEST_F(CreateFormTest, UserPickersSearchThroughThePluginRoute) {
  answerTheBugForm();
  auto doc = form();
  EXPECT_EQ(jsonString(field(doc, "assignee"), "url"),
            "/extensions/jira-server/search/acme/7/?field=assignee&project=10000");
  EXPECT_EQ(jsonString(field(doc, "reporter"), "url"),
            "/extensions/jira-server/search/acme/7/?field=reporter&project=10000");
  EXPECT_EQ(jsonString(field(doc, "assignee"), "type"), "select");
}

TEST_F(CreateFormTest, IssueLinksAndIgnoredFieldsAreHidden) {
  answerTheBugForm();
  auto doc = form(R"({"issues_ignored_fields":["customfield_10200","labels"]})");
  auto shown = names(doc);
  for (const char* hidden : {"issuelinks", "customfield_10200", "labels", "summary"}) {
    EXPECT_EQ(std::count(shown.begin(), shown.end(), hidden), 0) << hidden;
  }
}

TEST_F(CreateFormTest, SavedDefaultsSelectProjectTypeAndFillPriorityAndLabels) {
  answerProjects();
  answerBugFieldsFirstPage();
  answerBugFieldsSecondPage();
  const std::string config = R"({"project_issue_last":"10000","project_issue_defaults":{"10000":
      {"issuetype":"1","priority":"1","labels":"ops, urgent"}}})";
  host.http.on("GET", typesUrl("10000"),
               respond(200, page({R"({"id":"2","name":"Task"})", R"({"id":"1","name":"Bug"})"}, 0, true)));
  auto doc = form(config);
  EXPECT_EQ(jsonString(field(doc, "project"), "default"), "10000");
  EXPECT_EQ(jsonString(field(doc, "issuetype"), "default"), "1");
  EXPECT_EQ(jsonString(field(doc, "priority"), "default"), "1");
  EXPECT_EQ(jsonString(field(doc, "labels"), "default"), "ops, urgent");
}

TEST_F(CreateFormTest, ParamsWinOverSavedDefaults) {
  answerProjects();
  answerTypesOf10000();
  answerTypesOf20000();
  answerBugFieldsFirstPage();
  answerBugFieldsSecondPage();
  answerTaskFieldsOf20000();
  const std::string config = R"({"project_issue_last":"10000"})";
  auto doc = form(config, {{"project", "20000"}, {"issuetype", "2"}});
  EXPECT_EQ(jsonString(field(doc, "project"), "default"), "20000");
  EXPECT_EQ(jsonString(field(doc, "issuetype"), "default"), "2");
  auto unknown = form(config, {{"project", "99999"}});
  EXPECT_EQ(jsonString(field(unknown, "project"), "default"), "10000");  // not a visible project
}

TEST_F(CreateFormTest, ProjectListFailureIsADetail) {
  // An empty list last: the plugin keeps a good answer for a while, so after
  // it no request would be made at all.
  for (const CannedResponse& response : {respond(500, "x"), transportFailure(IHP_E_TIMEOUT), respond(200, "[]")}) {
    host.http.clear();
    host.http.on("GET", api("/project"), response);
    auto outcome = hooks.form(IHP_FORM_CREATE, formContext());
    EXPECT_EQ(outcome.reply.status, 400);
    EXPECT_EQ(jsonString(parseJson(outcome.reply.body), "detail"),
              "Could not fetch project list from Jira Server. Ensure that Jira Server is available and your account "
              "is still active.");
  }
}

TEST_F(CreateFormTest, MetadataFailureKeepsTheProjectSelector) {
  host.http.on("GET", api("/project"), respond(200, kProjects));
  host.http.on("GET", typesUrl("10000"), respond(403, "{}"));
  auto doc = form();
  EXPECT_EQ(names(doc), (std::vector<std::string>{"project", "error"}));
  EXPECT_NE(jsonString(field(doc, "error"), "help").find("Could not fetch issue creation metadata"), std::string::npos);
}

TEST_F(CreateFormTest, ProjectsAndMetadataAreCached) {
  answerTheBugForm();
  form();
  form();
  EXPECT_EQ(host.http.count("GET", api("/project")), 1u);
  EXPECT_EQ(host.http.count("GET", fieldsUrl("10000", "1")), 1u);
}

}  // namespace
}  // namespace ih::jira::testing
