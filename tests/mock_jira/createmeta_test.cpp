// Create metadata: the paginated per-project resources, and the removed global one.
#include <gtest/gtest.h>

#include "mock_jira_fixture.h"

namespace ih::testing {
namespace {

using CreateMeta = MockJiraTest;

TEST_F(CreateMeta, IssueTypesArePaginated) {
  auto first = parseJson(asUser("GET", "/rest/api/2/issue/createmeta/OPS/issuetypes?maxResults=1").body);
  EXPECT_EQ(jsonInt(first, "/total"), 2);
  EXPECT_FALSE(jsonBool(first, "/isLast"));
  EXPECT_EQ(jsonString(first, "/values/0/name"), "Bug");
  auto second = parseJson(asUser("GET", "/rest/api/2/issue/createmeta/10000/issuetypes?startAt=1&maxResults=1").body);
  EXPECT_TRUE(jsonBool(second, "/isLast"));
  EXPECT_EQ(jsonString(second, "/values/0/name"), "Task");
}

TEST_F(CreateMeta, BugFieldsCarrySchemasAndAllowedValues) {
  auto page = parseJson(asUser("GET", "/rest/api/2/issue/createmeta/OPS/issuetypes/10004").body);
  std::map<std::string, const rapidjson::Value*> fields;
  for (const auto& field : page["values"].GetArray()) fields[field["fieldId"].GetString()] = &field;
  ASSERT_TRUE(fields.count("summary"));
  EXPECT_TRUE(jsonBool(*fields["summary"], "/required"));
  EXPECT_EQ(jsonString(*fields["summary"], "/schema/type"), "string");
  EXPECT_EQ(jsonString(*fields["labels"], "/schema/items"), "string");
  EXPECT_EQ(jsonString(*fields["components"], "/allowedValues/1/name"), "Frontend");
  EXPECT_EQ(jsonString(*fields["fixVersions"], "/schema/items"), "version");
  EXPECT_EQ(jsonAt(*fields["priority"], "/allowedValues").Size(), 5u);
  EXPECT_NE(jsonString(*fields["assignee"], "/autoCompleteUrl").find("/rest/api/latest/user/assignable/search"), std::string::npos);
  EXPECT_EQ(jsonString(*fields["customfield_10100"], "/allowedValues/0/value"), "Critical");
  EXPECT_EQ(jsonString(*fields["customfield_10101"], "/schema/items"), "option");
  EXPECT_TRUE(fields.count("issuelinks"));
  EXPECT_EQ(jsonInt(page, "/total"), static_cast<std::int64_t>(fields.size()));
}

TEST_F(CreateMeta, TaskScreenHasNoSeverity) {
  auto page = asUser("GET", "/rest/api/2/issue/createmeta/OPS/issuetypes/10002");
  EXPECT_EQ(page.body.find("customfield_10100"), std::string::npos);
  EXPECT_NE(page.body.find("customfield_10101"), std::string::npos);
}

TEST_F(CreateMeta, GlobalCreateMetaIsGoneOnVersion9) {
  auto response = asUser("GET", "/rest/api/2/issue/createmeta?projectKeys=OPS&expand=projects.issuetypes.fields");
  EXPECT_EQ(response.status, 404);
  EXPECT_EQ(response.body, R"({"errorMessages":["Issue Does Not Exist"],"errors":{}})");
  ASSERT_EQ(mock_->control("POST", "/_mock/settings", R"({"version":"8.20.10"})").status, 200);
  EXPECT_EQ(asUser("GET", "/rest/api/2/issue/createmeta?expand=projects.issuetypes.fields").status, 200);
}

}  // namespace
}  // namespace ih::testing
