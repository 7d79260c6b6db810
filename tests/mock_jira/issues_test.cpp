// Issue resources: the issue JSON (whole or limited by `fields`), creation and its
// validation, assignment, workflow transitions, comments, edits, moves, and the strictly
// increasing `updated` field.
#include <regex>

#include <gtest/gtest.h>

#include "mock_jira_fixture.h"

namespace ih::testing {
namespace {

using Issues = MockJiraTest;

const std::regex kJiraDate(R"(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}\+0000)");

rapidjson::Document errorsOf(const HttpResponse& response) {
  EXPECT_EQ(response.status, 400) << response.body;
  return parseJson(response.body);
}

TEST_F(Issues, IssueJsonLooksLikeJiraServer) {
  auto response = asUser("GET", "/rest/api/2/issue/OPS-2");
  ASSERT_EQ(response.status, 200) << response.body;
  auto issue = parseJson(response.body);
  EXPECT_EQ(jsonString(issue, "/key"), "OPS-2");
  EXPECT_EQ(jsonString(issue, "/self"), mock_->baseUrl() + "/rest/api/2/issue/" + jsonString(issue, "/id"));
  EXPECT_EQ(jsonString(issue, "/fields/status/id"), "1");
  EXPECT_EQ(jsonInt(issue, "/fields/status/statusCategory/id"), 2);
  EXPECT_EQ(jsonString(issue, "/fields/status/statusCategory/colorName"), "blue-gray");
  EXPECT_EQ(jsonString(issue, "/fields/assignee/key"), "JIRAUSER10100");
  EXPECT_EQ(jsonString(issue, "/fields/reporter/name"), "bob");
  EXPECT_EQ(jsonString(issue, "/fields/priority/name"), "Medium");
  EXPECT_EQ(jsonString(issue, "/fields/project/key"), "OPS");
  EXPECT_TRUE(std::regex_match(jsonString(issue, "/fields/updated"), kJiraDate));
  EXPECT_TRUE(std::regex_match(jsonString(issue, "/fields/created"), kJiraDate));
  EXPECT_TRUE(jsonAt(issue, "/fields/customfield_10100").IsNull());
}

TEST_F(Issues, FieldsParameterKeepsOnlyTheNamedFields) {
  auto response = asUser("GET", "/rest/api/2/issue/OPS-2?fields=updated");
  ASSERT_EQ(response.status, 200) << response.body;
  auto issue = parseJson(response.body);
  EXPECT_EQ(jsonString(issue, "/key"), "OPS-2");
  ASSERT_TRUE(jsonAt(issue, "/fields").IsObject());
  EXPECT_EQ(jsonAt(issue, "/fields").MemberCount(), 1u);
  EXPECT_TRUE(std::regex_match(jsonString(issue, "/fields/updated"), kJiraDate));
  issue = parseJson(asUser("GET", "/rest/api/2/issue/OPS-2?fields=summary,status").body);
  EXPECT_EQ(jsonAt(issue, "/fields").MemberCount(), 2u);
  issue = parseJson(asUser("GET", "/rest/api/2/issue/OPS-2?fields=*all").body);
  EXPECT_GT(jsonAt(issue, "/fields").MemberCount(), 10u);
}

TEST_F(Issues, MissingIssueIs404IssueDoesNotExist) {
  auto response = asUser("GET", "/rest/api/2/issue/OPS-99");
  EXPECT_EQ(response.status, 404);
  EXPECT_EQ(response.body, R"({"errorMessages":["Issue Does Not Exist"],"errors":{}})");
}

TEST_F(Issues, CreateAnswers201WithIdKeyAndSelf) {
  auto response = asUser("POST", "/rest/api/2/issue", R"({"fields":{"project":{"key":"OPS"},"issuetype":{"name":"Bug"},
    "summary":"Printer on fire","description":"smoke","labels":["hw"],"priority":{"id":"2"},"assignee":{"name":"bob"},
    "components":[{"name":"Backend"}],"fixVersions":[{"id":"10201"}],"customfield_10100":{"value":"Critical"},
    "customfield_10101":[{"value":"Production"},{"id":"10301"}]}})");
  ASSERT_EQ(response.status, 201) << response.body;
  auto created = parseJson(response.body);
  EXPECT_EQ(jsonString(created, "/key"), "OPS-3");
  EXPECT_EQ(jsonString(created, "/self"), mock_->baseUrl() + "/rest/api/2/issue/" + jsonString(created, "/id"));
  auto issue = parseJson(asUser("GET", "/rest/api/2/issue/OPS-3").body);
  EXPECT_EQ(jsonString(issue, "/fields/reporter/name"), "alice");
  EXPECT_EQ(jsonString(issue, "/fields/customfield_10100/value"), "Critical");
  EXPECT_EQ(jsonString(issue, "/fields/customfield_10101/1/value"), "Staging");
  EXPECT_EQ(jsonString(issue, "/fields/components/0/name"), "Backend");
  EXPECT_EQ(jsonString(issue, "/fields/fixVersions/0/name"), "2.0");
}

TEST_F(Issues, CreateValidationNamesEachField) {
  auto missing = errorsOf(asUser("POST", "/rest/api/2/issue", R"({"fields":{"project":{"key":"OPS"},"issuetype":{"name":"Task"}}})"));
  EXPECT_EQ(jsonString(missing, "/errors/summary"), "You must specify a summary of the issue.");

  auto project = errorsOf(asUser("POST", "/rest/api/2/issue", R"({"fields":{"project":{"key":"NOPE"},"issuetype":{"name":"Task"},"summary":"x"}})"));
  EXPECT_EQ(jsonString(project, "/errors/project"), "valid project is required");

  auto type = errorsOf(asUser("POST", "/rest/api/2/issue", R"({"fields":{"project":{"key":"OPS"},"summary":"x"}})"));
  EXPECT_EQ(jsonString(type, "/errors/issuetype"), "issue type is required");

  auto screen = errorsOf(asUser("POST", "/rest/api/2/issue",
                                R"({"fields":{"project":{"key":"OPS"},"issuetype":{"name":"Task"},"summary":"x","customfield_10100":{"value":"Major"},"duedate":"2024-01-01"}})"));
  EXPECT_EQ(jsonString(screen, "/errors/customfield_10100"),
            "Field 'customfield_10100' cannot be set. It is not on the appropriate screen, or unknown.");
  EXPECT_EQ(jsonString(screen, "/errors/duedate"), "Field 'duedate' cannot be set. It is not on the appropriate screen, or unknown.");

  auto values = errorsOf(asUser("POST", "/rest/api/2/issue",
                                R"({"fields":{"project":{"key":"OPS"},"issuetype":{"name":"Bug"},"summary":"x","customfield_10100":{"value":"Cosmic"},"assignee":{"name":"zed"}}})"));
  EXPECT_EQ(jsonString(values, "/errors/customfield_10100"), "Option value 'Cosmic' is not valid");
  EXPECT_EQ(jsonString(values, "/errors/assignee"), "User 'zed' does not exist.");
  EXPECT_EQ(parseJson(asUser("GET", "/rest/api/2/search?jql=project%3DOPS").body)["total"].GetInt(), 2);
}

TEST_F(Issues, AssigneeChangesAndRefusals) {
  EXPECT_EQ(asUser("PUT", "/rest/api/2/issue/OPS-1/assignee", R"({"name":"bob"})").status, 204);
  EXPECT_EQ(jsonString(parseJson(asUser("GET", "/rest/api/2/issue/OPS-1").body), "/fields/assignee/name"), "bob");
  for (const auto* user : {"carol", "dave", "zed"}) {
    auto refused = asUser("PUT", "/rest/api/2/issue/OPS-1/assignee", std::string(R"({"name":")") + user + "\"}");
    EXPECT_EQ(refused.status, 400);
    EXPECT_EQ(refused.body, std::string(R"({"errorMessages":[],"errors":{"assignee":"User ')") + user +
                                "' cannot be assigned issues.\"}}");
  }
  EXPECT_EQ(asUser("PUT", "/rest/api/2/issue/OPS-1/assignee", R"({"name":null})").status, 204);
  EXPECT_TRUE(parseJson(asUser("GET", "/rest/api/2/issue/OPS-1").body)["fields"]["assignee"].IsNull());
  EXPECT_EQ(asUser("PUT", "/rest/api/2/issue/OPS-2/assignee", R"({"name":"-1"})").status, 204);
  EXPECT_TRUE(parseJson(asUser("GET", "/rest/api/2/issue/OPS-2").body)["fields"]["assignee"].IsNull());
}

TEST_F(Issues, TransitionsFollowTheCurrentStatus) {
  auto listed = parseJson(asUser("GET", "/rest/api/2/issue/OPS-1/transitions").body);
  EXPECT_EQ(jsonString(listed, "/expand"), "transitions");
  ASSERT_EQ(jsonAt(listed, "/transitions").Size(), 2u);
  EXPECT_EQ(jsonString(listed, "/transitions/0/id"), "11");
  EXPECT_EQ(jsonString(listed, "/transitions/0/to/id"), "3");
  EXPECT_EQ(jsonInt(listed, "/transitions/0/to/statusCategory/id"), 4);

  auto unavailable = asUser("POST", "/rest/api/2/issue/OPS-1/transitions", R"({"transition":{"id":"41"}})");
  EXPECT_EQ(unavailable.status, 400);
  EXPECT_EQ(asUser("POST", "/rest/api/2/issue/OPS-1/transitions", R"({"transition":{"id":"31"}})").status, 204);
  auto done = parseJson(asUser("GET", "/rest/api/2/issue/OPS-1").body);
  EXPECT_EQ(jsonString(done, "/fields/status/name"), "Done");
  EXPECT_EQ(jsonInt(done, "/fields/status/statusCategory/id"), 3);
  EXPECT_EQ(jsonString(done, "/fields/resolution/name"), "Done");
  auto after = parseJson(asUser("GET", "/rest/api/2/issue/OPS-1/transitions").body);
  EXPECT_EQ(jsonString(after, "/transitions/1/id"), "41");
}

TEST_F(Issues, CommentsAddEditAndList) {
  auto added = asUser("POST", "/rest/api/2/issue/OPS-1/comment", R"({"body":"Looking into it"})", "bob-pat");
  ASSERT_EQ(added.status, 201) << added.body;
  auto comment = parseJson(added.body);
  const auto id = jsonString(comment, "/id");
  EXPECT_EQ(jsonString(comment, "/author/name"), "bob");
  EXPECT_EQ(jsonString(comment, "/self"), mock_->baseUrl() + "/rest/api/2/issue/10000/comment/" + id);
  EXPECT_TRUE(std::regex_match(jsonString(comment, "/created"), kJiraDate));
  auto edited = asUser("PUT", "/rest/api/2/issue/OPS-1/comment/" + id, R"({"body":"Fixed"})");
  ASSERT_EQ(edited.status, 200) << edited.body;
  EXPECT_EQ(jsonString(parseJson(edited.body), "/updateAuthor/name"), "alice");
  auto listed = parseJson(asUser("GET", "/rest/api/2/issue/OPS-1/comment").body);
  EXPECT_EQ(jsonInt(listed, "/total"), 1);
  EXPECT_EQ(jsonString(listed, "/comments/0/body"), "Fixed");
  EXPECT_EQ(asUser("PUT", "/rest/api/2/issue/OPS-1/comment/999", R"({"body":"x"})").status, 404);
}

TEST_F(Issues, UpdatedMovesStrictlyForward) {
  std::string previous = jsonString(parseJson(asUser("GET", "/rest/api/2/issue/OPS-1").body), "/fields/updated");
  for (const auto* name : {"bob", "alice", "bob"}) {
    ASSERT_EQ(asUser("PUT", "/rest/api/2/issue/OPS-1/assignee", std::string(R"({"name":")") + name + "\"}").status, 204);
    auto updated = jsonString(parseJson(asUser("GET", "/rest/api/2/issue/OPS-1").body), "/fields/updated");
    EXPECT_GT(updated, previous);
    previous = updated;
  }
}

TEST_F(Issues, EditChangesFieldsAndRefusesUnknownOnes) {
  EXPECT_EQ(asUser("PUT", "/rest/api/2/issue/OPS-1", R"({"fields":{"summary":"Disk really full","labels":["ops","urgent"]}})").status, 204);
  auto issue = parseJson(asUser("GET", "/rest/api/2/issue/OPS-1").body);
  EXPECT_EQ(jsonString(issue, "/fields/summary"), "Disk really full");
  EXPECT_EQ(jsonString(issue, "/fields/labels/1"), "urgent");
  EXPECT_EQ(asUser("PUT", "/rest/api/2/issue/OPS-1", R"({"fields":{"project":{"key":"ENG"}}})").status, 400);
}

TEST_F(Issues, MovedIssueKeepsAnsweringOnItsOldKey) {
  auto moved = mock_->control("POST", "/_mock/issues/OPS-2/move", R"({"project":"ENG","actor":"alice"})");
  ASSERT_EQ(moved.status, 200) << moved.body;
  EXPECT_EQ(jsonString(parseJson(moved.body), "/key"), "ENG-1");
  auto viaOldKey = parseJson(asUser("GET", "/rest/api/2/issue/OPS-2").body);
  EXPECT_EQ(jsonString(viaOldKey, "/key"), "ENG-1");
  EXPECT_EQ(jsonString(viaOldKey, "/fields/project/key"), "ENG");
}

}  // namespace
}  // namespace ih::testing
