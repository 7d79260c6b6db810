// The search route behind the forms' async selects: issue search (key JQL
// vs text JQL with escaping), user search (label format, hidden emails),
// autocomplete for other fields, parameter checks and the org check.
#include "tickets/search_route.h"

#include "ihp/sdk/url.hpp"
#include "support/outbound_fixtures.h"

namespace ih::jira::testing {
namespace {

using ::testing::Return;

std::string searchJqlUrl(const std::string& jql) { return api("/search/?jql=" + ihp::sdk::url::percentEncode(jql)); }

class SearchRouteTest : public OutboundTest {
 protected:
  Outcome search(const std::string& query, const std::string& integrationId = "7", int64_t org = 1) {
    return hooks.search(integrationId, query, org);
  }
  static ihp::sdk::json::Document choices(const Outcome& outcome) {
    EXPECT_EQ(outcome.reply.status, 200) << outcome.reply.body;
    return parseJson(outcome.reply.body);
  }
  static std::string detail(const Outcome& outcome) { return jsonString(parseJson(outcome.reply.body), "detail"); }
};

TEST_F(SearchRouteTest, TheRouteIsDeclaredForOrgMembers) {
  const ihp_plugin_api& table = plugin.api();
  ASSERT_GE(table.route_count, 2u);
  EXPECT_EQ(std::string(table.routes[1].method.ptr, table.routes[1].method.len), "GET");
  EXPECT_EQ(std::string(table.routes[1].path_pattern.ptr, table.routes[1].path_pattern.len),
            "/extensions/jira-server/search/{org}/{integrationId}/");
  EXPECT_EQ(table.routes[1].access, IHP_ROUTE_ORG_MEMBER);
}

TEST_F(SearchRouteTest, KeyShapedQueriesSearchById) {
  EXPECT_EQ(issueSearchJql("OPS-12"), "id=\"OPS-12\"");
  EXPECT_EQ(issueSearchJql("ops2-1"), "id=\"ops2-1\"");
  host.http.on("GET", searchJqlUrl("id=\"OPS-12\""),
               respond(200, R"({"startAt":0,"total":1,"issues":[{"key":"OPS-12","fields":{"summary":"Fan noise"}}]})"));
  auto list = choices(search("field=externalIssue&query=OPS-12"));
  ASSERT_EQ(list.Size(), 1u);
  EXPECT_EQ(jsonString(list[0], "label"), "(OPS-12) Fan noise");
  EXPECT_EQ(jsonString(list[0], "value"), "OPS-12");
}

TEST_F(SearchRouteTest, TextQueriesAreEscaped) {
  EXPECT_EQ(issueSearchJql("disk \"full\""), "text ~ \"disk \\\"full\\\"\"");
  EXPECT_EQ(issueSearchJql("OPS_1-2"), "text ~ \"OPS_1-2\"");
  host.http.on("GET", searchJqlUrl("text ~ \"disk \\\"full\\\"\""), respond(200, R"({"issues":[]})"));
  EXPECT_EQ(choices(search("field=parent&query=disk+%22full%22")).Size(), 0u);
  EXPECT_EQ(host.http.requests().size(), 1u);
}

TEST_F(SearchRouteTest, IssueSearchErrorIsA400WithJirasText) {
  host.http.on("GET", searchJqlUrl("text ~ \"x\""), respond(400, R"({"errorMessages":["Bad JQL"],"errors":{}})"));
  auto outcome = search("field=externalIssue&query=x");
  EXPECT_EQ(outcome.reply.status, 400);
  EXPECT_EQ(detail(outcome), "Error Communicating with Jira Server (HTTP 400): Bad JQL");
}

TEST_F(SearchRouteTest, UsersAreSearchedInTheProjectByKeyAndLabelled) {
  host.http.on("GET", api("/project"), respond(200, R"([{"id":"10000","key":"OPS","name":"Operations"}])"));
  host.http.on("GET", api("/user/assignable/search?project=OPS&username=bo"),
               respond(200, jsonList({jiraUser("bob", "Bob Builder", "bob@example.test"), jiraUser("bo", "Bo Hidden"),
                                      R"({"displayName":"No Name"})"})));
  auto list = choices(search("field=assignee&query=bo&project=10000"));
  ASSERT_EQ(list.Size(), 2u);
  EXPECT_EQ(jsonString(list[0], "value"), "bob");
  EXPECT_EQ(jsonString(list[0], "label"), "Bob Builder - bob@example.test (bob)");
  EXPECT_EQ(jsonString(list[1], "label"), "Bo Hidden (bo)");  // email hidden by Jira
}

TEST_F(SearchRouteTest, UserSearchErrorIsA400) {
  host.http.on("GET", api("/project"), respond(200, R"([{"id":"10000","key":"OPS","name":"Operations"}])"));
  host.http.on("GET", api("/user/assignable/search?project=OPS&username=bo"), respond(500, "x"));
  auto outcome = search("field=reporter&query=bo&project=10000");
  EXPECT_EQ(outcome.reply.status, 400);
  EXPECT_EQ(detail(outcome), "Unable to fetch users from Jira");
}

TEST_F(SearchRouteTest, OtherFieldsUseJqlAutocompleteWithoutHtml) {
  host.http.on("GET", api("/jql/autocompletedata/suggestions?fieldName=cf%5B10200%5D&fieldValue=re"),
               respond(200, R"({"results":[{"value":"Red","displayName":"<b>Re</b>d"}]})"));
  auto list = choices(search("field=customfield_10200&query=re"));
  ASSERT_EQ(list.Size(), 1u);
  EXPECT_EQ(jsonString(list[0], "value"), "Red");
  EXPECT_EQ(jsonString(list[0], "label"), "Red");
  host.http.on("GET", api("/jql/autocompletedata/suggestions?fieldName=labels&fieldValue=x"), respond(500, ""));
  auto failed = search("field=labels&query=x");
  EXPECT_EQ(failed.reply.status, 400);
  EXPECT_EQ(detail(failed), "Unable to fetch autocomplete for labels from Jira");
}

TEST_F(SearchRouteTest, MissingParametersAre400) {
  auto noField = search("query=x");
  EXPECT_EQ(noField.reply.status, 400);
  EXPECT_EQ(detail(noField), "field is a required parameter");
  for (const char* query : {"field=externalIssue", "field=externalIssue&query="}) {
    auto outcome = search(query);
    EXPECT_EQ(outcome.reply.status, 400);
    EXPECT_EQ(detail(outcome), "query is a required parameter");
  }
  EXPECT_TRUE(host.http.requests().empty());
}

TEST_F(SearchRouteTest, AnotherOrgsOrAnUnknownIntegrationIs404) {
  auto otherOrg = search("field=externalIssue&query=x", "7", 2);  // org 2 does not link integration 7
  EXPECT_EQ(otherOrg.status, IHP_OK);
  EXPECT_EQ(otherOrg.reply.status, 404);
  EXPECT_EQ(search("field=externalIssue&query=x", "8").reply.status, 404);  // not an integration of this plugin
  EXPECT_EQ(search("field=externalIssue&query=x", "seven").reply.status, 404);
  EXPECT_TRUE(host.http.requests().empty());
}

TEST_F(SearchRouteTest, HostTroubleIsNotA404) {
  ON_CALL(host, credentials(kIntegrationId, 1)).WillByDefault(Return(failed(IHP_E_RETRY)));
  EXPECT_NE(search("field=externalIssue&query=x").status, IHP_OK);
}

TEST_F(SearchRouteTest, SearchUsesTheOrgsCredentials) {
  usePatCredentials("pat-xyz");
  host.http.on("GET", searchJqlUrl("id=\"OPS-1\""), respond(200, R"({"issues":[]})"));
  search("field=externalIssue&query=OPS-1");
  EXPECT_EQ(host.http.requests().at(0).header("Authorization"), "Bearer pat-xyz");
}

}  // namespace
}  // namespace ih::jira::testing
