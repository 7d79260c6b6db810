// Linking a ticket: the link form, key and URL normalisation (same Jira
// only, context path included), the issue check, the reply the host stores,
// and the comment job.
#include "support/outbound_fixtures.h"
#include "tickets/issue_key.h"

namespace ih::jira::testing {
namespace {

using ::testing::_;
using ::testing::AllOf;
using ::testing::Field;
using ::testing::Optional;
using ::testing::Return;

class LinkTest : public OutboundTest {
 protected:
  // Jira shows OPS-12.
  void answerOps12() {
    host.http.on("GET", api("/issue/OPS-12"), respond(200, jiraIssue("OPS-12", "Fan noise", "10000", "1", "Loud")));
  }
  Outcome link(const std::string& externalIssue, const std::string& comment = "") {
    ihp::sdk::json::JsonBuilder input;
    input.beginObject().field("action", "link").field("externalIssue", externalIssue);
    if (!comment.empty()) input.field("comment", comment);
    input.endObject();
    return hooks.action(IHP_FORM_LINK, formContext(), input.str());
  }
  void expectLinkedTo(const Outcome& outcome, const std::string& key) {
    EXPECT_EQ(outcome.status, IHP_OK);
    ASSERT_EQ(outcome.reply.status, 201) << outcome.reply.body;
    auto body = parseJson(outcome.reply.body);
    EXPECT_EQ(jsonString(body, "key"), key);
  }
  std::string fieldError(const Outcome& outcome) {
    EXPECT_EQ(outcome.reply.status, 400);
    auto body = parseJson(outcome.reply.body);
    const auto* errors = jsonAt(body, "externalIssue");
    return errors != nullptr && errors->IsArray() && !errors->Empty() ? (*errors)[0].GetString() : "<none>";
  }
};

TEST_F(LinkTest, FormHasAnAsyncIssueSelectAndADefaultComment) {
  auto outcome = hooks.form(IHP_FORM_LINK, formContext());
  EXPECT_EQ(outcome.status, IHP_OK);
  auto form = parseJson(outcome.reply.body);
  const auto& fields = form["fields"];
  ASSERT_EQ(fields.Size(), 2u);
  EXPECT_EQ(jsonString(fields[0], "name"), "externalIssue");
  EXPECT_EQ(jsonString(fields[0], "type"), "select");
  EXPECT_TRUE(fields[0]["required"].GetBool());
  EXPECT_EQ(jsonString(fields[0], "url"), "/extensions/jira-server/search/acme/7/");
  EXPECT_EQ(jsonString(fields[1], "name"), "comment");
  EXPECT_EQ(jsonString(fields[1], "type"), "textarea");
  EXPECT_EQ(
      jsonString(fields[1], "default"),
      "Linked Sentry Issue: [SHORT-1|https://host.example.test/organizations/acme/issues/42/?referrer=jira_server]");
}

TEST_F(LinkTest, AKeyIsCheckedAndAnswered) {
  answerOps12();
  auto outcome = link("OPS-12");
  expectLinkedTo(outcome, "OPS-12");
  auto body = parseJson(outcome.reply.body);
  EXPECT_EQ(jsonString(body, "title"), "Fan noise");
  EXPECT_EQ(jsonString(body, "description"), "Loud");
  EXPECT_EQ(jsonString(body, "url"), std::string(kBaseUrl) + "/browse/OPS-12");
  EXPECT_EQ(host.http.count("GET", api("/issue/OPS-12")), 1u);
}

TEST_F(LinkTest, NullDescriptionBecomesEmpty) {
  host.http.on("GET", api("/issue/OPS-13"), respond(200, jiraIssue("OPS-13", "No description")));
  auto outcome = link("OPS-13");
  EXPECT_EQ(jsonString(parseJson(outcome.reply.body), "description"), "");
}

TEST_F(LinkTest, BrowseUrlsOfTheSameJiraAreReducedToTheKey) {
  answerOps12();
  for (const std::string& url : {std::string(kBaseUrl) + "/browse/OPS-12", std::string(kBaseUrl) + "/browse/OPS-12/",
                                 std::string("  ") + kBaseUrl + "/browse/OPS-12#comment-1 ",
                                 std::string("HTTPS://JIRA.example.test/jira/browse/OPS-12?focusedId=3")}) {
    expectLinkedTo(link(url), "OPS-12");
  }
}

TEST_F(LinkTest, SelectedIssueUrlsAreReducedToTheKey) {
  answerOps12();
  for (const std::string& url :
       {std::string(kBaseUrl) + "/secure/RapidBoard.jspa?rapidView=1&selectedIssue=OPS-12",
        std::string(kBaseUrl) + "/projects/OPS/issues/?filter=allopenissues&selectedIssue=OPS-12",
        std::string(kBaseUrl) + "/browse/OPS-1?selectedIssue=OPS-12"}) {
    expectLinkedTo(link(url), "OPS-12");
  }
}

TEST_F(LinkTest, TheContextPathMustMatch) {
  for (const std::string& url : {std::string("https://jira.example.test/browse/OPS-12"),
                                 std::string("https://jira.example.test/jira2/browse/OPS-12"),
                                 std::string("https://other.example.test/jira/browse/OPS-12"),
                                 std::string("http://jira.example.test:8080/jira/browse/OPS-12")}) {
    EXPECT_NE(fieldError(link(url)).find("Enter a Jira issue key"), std::string::npos) << url;
  }
  EXPECT_TRUE(host.http.requests().empty());
}

TEST_F(LinkTest, NonKeysAreRejected) {
  for (const char* text : {"OPS", "12", "OPS-", "-12", "1OPS-2", "OPS-12a", "OPS 12", kBaseUrl}) {
    EXPECT_NE(fieldError(link(text)).find("Enter a Jira issue key"), std::string::npos) << text;
  }
  EXPECT_EQ(fieldError(link("  ")), "This field is required.");
}

TEST_F(LinkTest, KeyRules) {
  EXPECT_TRUE(isLinkableIssueKey("OPS_2-1"));
  EXPECT_TRUE(isLinkableIssueKey("a-0"));
  EXPECT_FALSE(isSearchIssueKey("OPS_2-1"));
  EXPECT_TRUE(isSearchIssueKey("Ops2-15"));
  EXPECT_FALSE(isLinkableIssueKey("Ö-1"));
  EXPECT_EQ(issueKeyFromInput("https://jira.example.test/browse/A-1", "https://jira.example.test/"),
            std::optional<std::string>("A-1"));
}

TEST_F(LinkTest, UnknownIssueIsAFieldError) {
  host.http.on("GET", api("/issue/OPS-99"), respond(404, R"({"errorMessages":["Issue Does Not Exist"],"errors":{}})"));
  EXPECT_EQ(fieldError(link("OPS-99")), "Jira issue OPS-99 does not exist.");
}

TEST_F(LinkTest, OtherJiraFailuresAreShownAsDetail) {
  host.http.on("GET", api("/issue/OPS-98"), respond(401, "no"));
  host.http.on("GET", api("/issue/OPS-97"), respond(500, R"({"errorMessages":["Boom"],"errors":{}})"));
  auto unauthorized = link("OPS-98");
  EXPECT_EQ(unauthorized.reply.status, 400);
  EXPECT_EQ(jsonString(parseJson(unauthorized.reply.body), "detail"),
            "Unauthorized: either your access token was invalid or you do not have access");
  auto broken = link("OPS-97");
  EXPECT_EQ(jsonString(parseJson(broken.reply.body), "detail"),
            "Error Communicating with Jira Server (HTTP 500): Boom");
}

TEST_F(LinkTest, ACommentBecomesAnOrderedDurableJob) {
  answerOps12();
  EXPECT_CALL(host, enqueue(AllOf(Field(&JobCall::kind, "post_comment"),
                                  Field(&JobCall::orderingKey, Optional(std::string("external-issue:7:OPS-12"))),
                                  Field(&JobCall::organizationId, 1), Field(&JobCall::integrationId, kIntegrationId))))
      .WillOnce([](const JobCall& job) {
        auto payload = parseJson(job.payloadJson);
        EXPECT_EQ(jsonString(payload, "body"), "See [SHORT-1|x]");
        EXPECT_EQ(jsonString(payload, "issueKey"), "OPS-12");
        return IHP_OK;
      });
  expectLinkedTo(link("OPS-12", "See [SHORT-1|x]"), "OPS-12");
  EXPECT_TRUE(never("POST", api("/issue/OPS-12/comment")));  // posted by the job, not here
}

TEST_F(LinkTest, NoCommentNoJob) {
  answerOps12();
  EXPECT_CALL(host, enqueue(_)).Times(0);
  expectLinkedTo(link("OPS-12"), "OPS-12");
  expectLinkedTo(link("OPS-12", "   "), "OPS-12");
}

TEST_F(LinkTest, AFailedEnqueueFailsTheHook) {
  answerOps12();
  ON_CALL(host, enqueue(_)).WillByDefault(Return(IHP_E_RETRY));
  EXPECT_EQ(link("OPS-12", "hello").status, IHP_E_RETRY);
}

TEST_F(LinkTest, AnOrgWithoutTheIntegrationGetsADetail) {
  ON_CALL(host, credentials(kIntegrationId, 1)).WillByDefault(Return(failed(IHP_E_FORBIDDEN)));
  auto outcome = link("OPS-12");
  EXPECT_EQ(outcome.reply.status, 400);
  EXPECT_TRUE(jsonHas(parseJson(outcome.reply.body), "detail"));
}

}  // namespace
}  // namespace ih::jira::testing
