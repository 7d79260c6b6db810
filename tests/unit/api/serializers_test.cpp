// JSON views: ids as strings, ISO dates, the issue shape, and integration
// views that never carry metadata, credentials or webhook secrets.
#include <gtest/gtest.h>

#include "api/serializers.h"

namespace ih::host::api {
namespace {

template <class Write>
std::string render(Write&& write) {
  JsonBuilder b;
  write(b);
  return b.str();
}

TEST(SerializersTest, FormatsDatesAsIsoUtcWithMilliseconds) {
  EXPECT_EQ(isoTimestamp(0), "1970-01-01T00:00:00.000Z");
  EXPECT_EQ(isoTimestamp(1700000000123), "2023-11-14T22:13:20.123Z");
}

TEST(SerializersTest, WritesIssuesWithStringIdsAndTheAssignee) {
  storage::Issue issue;
  issue.id = 12;
  issue.shortId = "WEB-3";
  issue.title = "Disk full";
  issue.status = storage::IssueStatus::Resolved;
  storage::Project project;
  project.id = 4;
  project.slug = "web";
  const storage::User user{.id = 9, .email = "a@b.test", .name = "A", .active = true, .emails = {}, .createdAt = 0};
  EXPECT_EQ(render([&](JsonBuilder& b) { writeIssue(b, issue, project, user); }),
            R"({"id":"12","shortId":"WEB-3","title":"Disk full","status":"resolved","project":{"id":"4","slug":"web"},)"
            R"("assignedTo":{"type":"user","id":"9","email":"a@b.test","name":"A"}})");
  EXPECT_NE(render([&](JsonBuilder& b) { writeIssue(b, issue, project, std::nullopt); }).find(R"("assignedTo":null)"),
            std::string::npos);
}

TEST(SerializersTest, IntegrationViewsNeverCarrySecrets) {
  domain::OrgIntegrationView view;
  view.integration.id = 5;
  view.integration.provider = "jira_server";
  view.integration.name = "Jira";
  view.integration.externalId = "jira.test:consumer";
  view.integration.metadataJson =
      R"({"domain_name":"jira.test","webhook_secret":"SECRET-1","base_url":"https://jira.test","webhook_url":"SECRET-2"})";
  view.link.configJson = R"({"sync_comments":true})";
  const std::string json =
      render([&](JsonBuilder& b) { writeIntegration(b, view, "Jira Server", view.link.configJson); });
  EXPECT_EQ(json,
            R"({"id":"5","provider":{"key":"jira_server","name":"Jira Server"},"name":"Jira",)"
            R"("externalId":"jira.test:consumer","domainName":"jira.test","status":"active",)"
            R"("config":{"sync_comments":true}})");
  EXPECT_EQ(json.find("SECRET"), std::string::npos);
  EXPECT_EQ(json.find("metadata"), std::string::npos);
  EXPECT_EQ(json.find("credentials"), std::string::npos);
}

TEST(SerializersTest, IntegrationStatusPrefersTheIntegrationsOwn) {
  using S = storage::IntegrationStatus;
  EXPECT_STREQ(integrationStatusName(S::Active, S::Active), "active");
  EXPECT_STREQ(integrationStatusName(S::Active, S::Disabled), "disabled");
  EXPECT_STREQ(integrationStatusName(S::PendingDeletion, S::Active), "pending_deletion");
}

TEST(SerializersTest, ActivitiesSpliceTheirDataAndSurviveBadData) {
  storage::Activity a;
  a.id = 3;
  a.type = "assigned";
  a.dataJson = R"({"assignee":"9"})";
  a.createdAt = 1000;
  EXPECT_EQ(render([&](JsonBuilder& b) { writeActivity(b, a); }),
            R"({"id":"3","type":"assigned","data":{"assignee":"9"},"dateCreated":"1970-01-01T00:00:01.000Z"})");
  a.dataJson = "not json";
  EXPECT_NE(render([&](JsonBuilder& b) { writeActivity(b, a); }).find(R"("data":{})"), std::string::npos);
}

TEST(SerializersTest, JobsShowStateAndLastError) {
  storage::Job job;
  job.id = 8;
  job.kind = "ihp.event";
  job.state = storage::JobState::Dead;
  job.attempts = 8;
  job.maxAttempts = 8;
  job.lastError = "HTTP 500";
  job.runAt = 0;
  job.integrationId = 2;
  EXPECT_EQ(render([&](JsonBuilder& b) { writeJob(b, job); }),
            R"({"id":"8","kind":"ihp.event","state":"dead","attempts":8,"maxAttempts":8,"lastError":"HTTP 500",)"
            R"("runAt":"1970-01-01T00:00:00.000Z","integrationId":"2"})");
}

}  // namespace
}  // namespace ih::host::api
