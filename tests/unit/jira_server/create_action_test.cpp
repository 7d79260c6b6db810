// Creating a ticket: required project / issue type, conversion of every
// schema kind, summary truncation, Jira's errors as field errors or detail,
// the ticket read back, and the defaults saved for the next form.
#include "support/outbound_fixtures.h"

namespace ih::jira::testing {
namespace {

using ::testing::_;
using ::testing::Return;

const std::string kFieldsUrl = api("/issue/createmeta/10000/issuetypes/1?startAt=0&maxResults=50");
const std::string kCreateUrl = api("/issue");

std::string meta(const std::string& id, const std::string& schema) {
  return R"({"fieldId":")" + id + R"(","name":")" + id + R"(","required":false,"schema":)" + schema + "}";
}

class CreateActionTest : public OutboundTest {
 protected:
  static CannedResponse created() { return respond(201, R"({"id":"10009","key":"OPS-9","self":"x"})"); }
  // Jira's answers, in the order the action asks: `fields` for the metadata
  // (default: every kind of field), `created` for the POST, `readBack` for
  // the GET of the new ticket.
  void answerFields(const CannedResponse& fields = allFieldKinds()) { host.http.on("GET", kFieldsUrl, fields); }
  void answerCreate(const CannedResponse& answer = created()) { host.http.on("POST", kCreateUrl, answer); }
  void answerReadBack(const CannedResponse& readBack = respond(200, jiraIssue("OPS-9", "Boom", "10000", "1", "desc"))) {
    host.http.on("GET", api("/issue/OPS-9"), readBack);
  }
  // A whole successful create.
  void script() {
    answerFields();
    answerCreate();
    answerReadBack();
  }
  static CannedResponse allFieldKinds() {
    return respond(
        200, page({meta("summary", R"({"type":"string"})"), meta("description", R"({"type":"string"})"),
                   meta("labels", R"({"type":"array","items":"string"})"), meta("priority", R"({"type":"priority"})"),
                   meta("components", R"({"type":"array","items":"component"})"),
                   meta("fixVersions", R"({"type":"array","items":"version"})"), meta("assignee", R"({"type":"user"})"),
                   meta("customfield_1", R"({"type":"option"})"),
                   meta("customfield_2", R"({"type":"array","items":"option"})"),
                   meta("customfield_3", R"({"type":"array","items":"user"})"),
                   meta("customfield_4", R"({"type":"number"})"), meta("customfield_5", R"({"type":"string"})"),
                   meta("parent", R"({"type":"issuelink"})")},
                  0, true));
  }
  Outcome create(const std::string& input, const std::string& config = "{}") {
    return hooks.action(IHP_FORM_CREATE, formContext(config), input);
  }
  ihp::sdk::json::Document sentFields() {
    auto posts = host.http.requestsTo("POST", kCreateUrl);
    EXPECT_EQ(posts.size(), 1u);
    auto doc = parseJson(posts.empty() ? "{}" : posts[0].body);
    ihp::sdk::json::Document fields;
    if (doc.IsObject() && doc.HasMember("fields")) fields.CopyFrom(doc["fields"], fields.GetAllocator());
    return fields;
  }
};

TEST_F(CreateActionTest, EveryValueIsConvertedBySchema) {
  script();
  auto outcome = create(R"({"action":"create","project":"10000","issuetype":"1","title":"Boom","description":"desc",
      "labels":"ops, urgent ,,x","priority":"3","components":["100","101"],"fixVersions":"500","assignee":"bob",
      "customfield_1":"Red","customfield_2":["Docs","Ops"],"customfield_3":["bob","alice"],"customfield_4":"12.5",
      "customfield_5":"free text","parent":"OPS-1","notInMeta":"dropped"})");
  EXPECT_EQ(outcome.status, IHP_OK);
  ASSERT_EQ(outcome.reply.status, 201) << outcome.reply.body;
  auto fields = sentFields();
  EXPECT_EQ(ihp::sdk::json::stringify(fields),
            R"({"project":{"id":"10000"},"issuetype":{"id":"1"},"summary":"Boom","description":"desc",)"
            R"("labels":["ops","urgent","x"],"priority":{"id":"3"},"components":[{"id":"100"},{"id":"101"}],)"
            R"("fixVersions":[{"id":"500"}],"assignee":{"name":"bob"},"customfield_1":{"value":"Red"},)"
            R"("customfield_2":[{"value":"Docs"},{"value":"Ops"}],"customfield_3":[{"name":"bob"},{"name":"alice"}],)"
            R"("customfield_4":12.5,"customfield_5":"free text","parent":{"key":"OPS-1"}})");
}

TEST_F(CreateActionTest, TheReplyIsTheTicketReadBack) {
  script();
  auto outcome = create(R"({"project":"10000","issuetype":"1","title":"Boom"})");
  auto body = parseJson(outcome.reply.body);
  EXPECT_EQ(jsonString(body, "key"), "OPS-9");
  EXPECT_EQ(jsonString(body, "title"), "Boom");
  EXPECT_EQ(jsonString(body, "description"), "desc");
  EXPECT_EQ(jsonString(body, "url"), std::string(kBaseUrl) + "/browse/OPS-9");
}

TEST_F(CreateActionTest, SummaryIsCutTo255CharactersAndEmptyValuesAreLeftOut) {
  script();
  const std::string title(300, 'x');
  create(R"({"project":"10000","issuetype":"1","title":")" + title +
         R"(","labels":" , ","assignee":"","components":[],"customfield_4":null})");
  auto fields = sentFields();
  EXPECT_EQ(fields["summary"].GetStringLength(), 255u);
  for (const char* absent : {"labels", "assignee", "components", "customfield_4", "description"}) {
    EXPECT_FALSE(fields.HasMember(absent)) << absent;
  }
}

TEST_F(CreateActionTest, IntegralNumbersAreSentAsIntegersAndBadNumbersAreFieldErrors) {
  script();
  create(R"({"project":"10000","issuetype":"1","title":"t","customfield_4":"42"})");
  EXPECT_TRUE(sentFields()["customfield_4"].IsInt64());
  auto bad = create(R"({"project":"10000","issuetype":"1","title":"t","customfield_4":"lots"})");
  EXPECT_EQ(bad.reply.status, 400);
  EXPECT_TRUE(jsonHas(parseJson(bad.reply.body), "customfield_4"));
}

TEST_F(CreateActionTest, ProjectAndIssueTypeAreRequired) {
  auto noType = create(R"({"project":"10000","title":"t"})");
  EXPECT_EQ(noType.reply.status, 400);
  auto body = parseJson(noType.reply.body);
  EXPECT_STREQ(body["issuetype"][0].GetString(), "Issue type is required.");
  auto noProject = parseJson(create(R"({"issuetype":"1","title":"t"})").reply.body);
  EXPECT_STREQ(noProject["project"][0].GetString(), "Jira project is required");
  EXPECT_TRUE(host.http.requests().empty());
}

TEST_F(CreateActionTest, JirasFieldErrorsBecomeFormFieldErrors) {
  answerFields();
  answerCreate(respond(400, R"({"errorMessages":[],"errors":{"summary":"You must specify a summary of the issue.",
                                "customfield_1":"Option id 'Green' is not valid"}})"));
  auto outcome = create(R"({"project":"10000","issuetype":"1","title":""})");
  EXPECT_EQ(outcome.reply.status, 400);
  auto body = parseJson(outcome.reply.body);
  EXPECT_STREQ(body["summary"][0].GetString(), "You must specify a summary of the issue.");
  EXPECT_STREQ(body["customfield_1"][0].GetString(), "Option id 'Green' is not valid");
}

TEST_F(CreateActionTest, OtherJiraErrorsBecomeADetail) {
  answerFields();  // read once: the second create uses the cached metadata
  answerCreate(respond(500, R"({"errorMessages":["Database down","Try later"],"errors":{}})"));
  auto outcome = create(R"({"project":"10000","issuetype":"1","title":"t"})");
  EXPECT_EQ(jsonString(parseJson(outcome.reply.body), "detail"),
            "Error Communicating with Jira Server (HTTP 500): Database down Try later");
  answerCreate(respond(401, "nope"));
  auto unauthorized = create(R"({"project":"10000","issuetype":"1","title":"t"})");
  EXPECT_EQ(jsonString(parseJson(unauthorized.reply.body), "detail"),
            "Unauthorized: either your access token was invalid or you do not have access");
}

TEST_F(CreateActionTest, MissingMetadataIsADetail) {
  answerFields(respond(404, "{}"));
  auto outcome = create(R"({"project":"10000","issuetype":"1","title":"t"})");
  EXPECT_EQ(jsonString(parseJson(outcome.reply.body), "detail"),
            "Could not fetch issue create configuration from Jira.");
}

TEST_F(CreateActionTest, SuccessSavesTheProjectsDefaultsKeepingOtherProjects) {
  script();
  EXPECT_CALL(host, orgConfigMerge(1, kIntegrationId, _)).WillOnce([](int64_t, int64_t, const std::string& patch) {
    auto doc = parseJson(patch);
    EXPECT_EQ(jsonString(doc, "project_issue_defaults/10000/issuetype"), "1");
    EXPECT_EQ(jsonString(doc, "project_issue_defaults/10000/priority"), "3");
    EXPECT_EQ(jsonString(doc, "project_issue_defaults/10000/labels"), "a, b");
    EXPECT_EQ(jsonString(doc, "project_issue_defaults/20000/issuetype"), "7");
    EXPECT_EQ(jsonString(doc, "project_issue_last"), "10000");
    return IHP_OK;
  });
  create(R"({"project":"10000","issuetype":"1","title":"t","priority":"3","labels":"a, b"})",
         R"({"project_issue_defaults":{"20000":{"issuetype":"7"}}})");
}

TEST_F(CreateActionTest, FailureSavesNoDefaults) {
  answerFields();
  answerCreate(respond(400, R"({"errors":{"summary":"x"}})"));
  EXPECT_CALL(host, orgConfigMerge(_, _, _)).Times(0);
  create(R"({"project":"10000","issuetype":"1","title":"t"})");
}

TEST_F(CreateActionTest, AFailedReadBackStillAnswersTheNewTicket) {
  answerFields();
  answerCreate(respond(201, R"({"id":"10009","key":"OPS-9"})"));
  answerReadBack(respond(503, "later"));
  auto outcome = create(R"({"project":"10000","issuetype":"1","title":"Boom"})");
  EXPECT_EQ(outcome.reply.status, 201);
  EXPECT_EQ(jsonString(parseJson(outcome.reply.body), "key"), "OPS-9");
}

}  // namespace
}  // namespace ih::jira::testing
