// Sync you can trust, end to end against mock-jira: a Jira that hides emails
// syncs assignees through a user mapping (validated with Jira, used inbound
// and outbound by name), with each decision in the issue's sync log; a
// transition whose screen requires a field is dead-lettered at once, in
// words, and an owner retries it once the workflow is fixed; the audit log
// names who installed and reconfigured the integration; a dead status job
// retried by hand never puts back a status that a newer one replaced.
#include <gtest/gtest.h>

#include "outbound_e2e.h"
#include "ihp/sdk/json.hpp"
#include "support/json_helpers.h"

namespace ih::e2e::jira {
namespace {

using namespace std::chrono_literals;
namespace json = ihp::sdk::json;

class SyncTrustE2E : public OutboundE2E {
 protected:
  std::string path(const std::string& tail) { return "/api/0/organizations/acme/" + tail; }
  std::string mappingsPath() { return path("integrations/" + integration_ + "/user-mappings/"); }

  // The issue's sync log details, newest first.
  std::vector<std::string> syncLogDetails() {
    Reply log = host_->get(path("issues/" + issue_ + "/sync-log/"), kAdmin);
    EXPECT_EQ(log.status, 200) << log.describe();
    std::vector<std::string> details;
    if (!log.json.IsArray()) return details;
    for (const auto& entry : log.json.GetArray()) details.push_back(json::stringOr(entry, "detail"));
    return details;
  }
  bool syncLogHas(const std::string& text) {
    for (const auto& detail : syncLogDetails()) {
      if (detail.find(text) != std::string::npos) return true;
    }
    return false;
  }
  std::string issueStatus() { return getIssue("acme", issue_).str("status"); }
  std::string statusJobDeadOnTheListRefused();
  void jiraAssigns(const std::string& user) {
    const std::string body = user.empty() ? R"({"assignee":null,"actor":"alice"})"
                                          : R"({"assignee":")" + user + R"(","actor":"alice"})";
    ASSERT_EQ(jira_->control("POST", "/_mock/issues/OPS-1/assignee", body).status, 200);
  }
};

TEST_F(SyncTrustE2E, HiddenEmailsSyncThroughAValidatedUserMapping) {
  ASSERT_EQ(jira_->control("POST", "/_mock/settings", R"({"emailVisibility":false})").status, 200);
  jiraAssigns("bob");
  ASSERT_TRUE(within(10s, [&] { return syncLogHas("Jira's email for bob is hidden and no user mapping exists"); }))
      << ::testing::PrintToString(syncLogDetails());
  EXPECT_EQ(assigneeEmail("acme", issue_), "");

  // Refused, nothing stored: a Jira user Jira does not know, a non-member.
  Reply unknown = host_->put(mappingsPath(), R"([{"jiraUser":"nobody","userId":")" + bob_ + R"("}])", kAdmin);
  EXPECT_EQ(unknown.status, 400) << unknown.describe();
  EXPECT_NE(unknown.body.find("Jira user nobody does not exist"), std::string::npos) << unknown.body;
  const std::string stranger = createUser("stranger@example.test");
  Reply outsider = host_->put(mappingsPath(), R"([{"jiraUser":"bob","userId":")" + stranger + R"("}])", kAdmin);
  EXPECT_EQ(outsider.status, 400) << outsider.describe();
  EXPECT_EQ(host_->get(mappingsPath(), kAdmin).json.Size(), 0u);

  Reply mapped = host_->put(mappingsPath(), R"([{"jiraUser":"bob","userId":")" + bob_ + R"("}])", kAdmin);
  ASSERT_EQ(mapped.status, 200) << mapped.describe();
  ASSERT_EQ(mapped.json.Size(), 1u);
  EXPECT_EQ(json::stringOr(mapped.json[0], "jiraUserKey"), "JIRAUSER10200");
  EXPECT_EQ(json::stringOr(mapped.json[0], "jiraDisplayName"), "Bob Builder");

  // Inbound: the next change in Jira assigns bob here by the mapping.
  jiraAssigns("");
  jiraAssigns("bob");
  ASSERT_TRUE(within(10s, [&] { return assigneeEmail("acme", issue_) == "bob@example.test"; }));
  EXPECT_TRUE(syncLogHas("by user mapping")) << ::testing::PrintToString(syncLogDetails());

  // Outbound: assigning bob here sets Jira's bob by name, with no user search.
  ASSERT_EQ(updateIssue("acme", issue_, R"({"assignedTo":null})").status, 200);
  ASSERT_TRUE(within(10s, [&] { return jobsSettled("acme"); }));
  clearJournal();
  ASSERT_EQ(updateIssue("acme", issue_, R"({"assignedTo":"bob@example.test"})").status, 200);
  ASSERT_TRUE(within(10s, [&] { return ticketField("OPS-1", "/fields/assignee/name") == "bob"; }));
  ASSERT_TRUE(within(10s, [&] { return jobsSettled("acme"); }));
  EXPECT_TRUE(journal("GET", "/rest/api/2/user/assignable/search").empty());
  EXPECT_TRUE(syncLogHas("assigned to Jira user bob (by user mapping)")) << ::testing::PrintToString(syncLogDetails());
}

TEST_F(SyncTrustE2E, ATransitionNeedingAFieldIsDeadAtOnceAndAnOwnerRetriesIt) {
  const std::string finishNeedsResolution =
      R"({"transitions":[{"id":"31","name":"Finish","to":"10001","requiredFields":["resolution"]}]})";
  ASSERT_EQ(jira_->control("POST", "/_mock/seed", finishNeedsResolution).status, 200);
  ASSERT_EQ(updateIssue("acme", issue_, R"({"status":"resolved"})").status, 200);

  Reply dead;
  ASSERT_TRUE(within(10s, [&] {
    dead = host_->get(path("jobs/?state=dead"), kAdmin);
    return dead.json.IsArray() && dead.json.Size() == 1;
  }));
  EXPECT_EQ(json::int64(dead.json[0], "attempts"), 1) << "not retried: retrying cannot fill a field";
  EXPECT_NE(json::stringOr(dead.json[0], "lastError").find("transition 31 needs field resolution"), std::string::npos)
      << json::stringOr(dead.json[0], "lastError");
  EXPECT_TRUE(syncLogHas("transition 31 needs field resolution")) << ::testing::PrintToString(syncLogDetails());
  EXPECT_EQ(ticketField("OPS-1", "/fields/status/id"), "1");

  // The workflow is fixed in Jira; an owner retries the job.
  const std::string finish = R"({"transitions":[{"id":"31","name":"Finish","to":"10001","requiredFields":[]}]})";
  ASSERT_EQ(jira_->control("POST", "/_mock/seed", finish).status, 200);
  const std::string jobId = json::stringOr(dead.json[0], "id");
  Reply retried = host_->post(path("jobs/" + jobId + "/retry/"), "", kAdmin);
  ASSERT_EQ(retried.status, 202) << retried.describe();
  EXPECT_TRUE(within(10s, [&] { return ticketField("OPS-1", "/fields/status/id") == "10001"; }));
  EXPECT_TRUE(within(10s, [&] { return syncLogHas("moved to status 10001 with transition 31"); }));
  EXPECT_EQ(host_->get(path("jobs/?state=dead"), kAdmin).json.Size(), 0u);
  // Retried twice? Only a dead job can be: the second is 404.
  EXPECT_EQ(host_->post(path("jobs/" + jobId + "/retry/"), "", kAdmin).status, 404);
}

// Jira moves OPS-1 to Done in a webhook without the status's category, so a
// job must look it up, and Jira refuses the list once: the job is dead at once.
// Returns the dead job's id.
std::string SyncTrustE2E::statusJobDeadOnTheListRefused() {
  addFault(R"({"method":"GET","path":"/rest/api/2/status","status":403,"count":1})");
  deliverChangeTo("/_mock/issues/OPS-1/status", R"({"status":"10001","actor":"alice"})", *host_, dropStatusCategory);
  Reply dead;
  EXPECT_TRUE(within(10s, [&] {
    dead = host_->get(path("jobs/?state=dead"), kAdmin);
    return dead.json.IsArray() && dead.json.Size() == 1;
  }));
  if (!dead.json.IsArray() || dead.json.Size() != 1) return "";
  EXPECT_NE(json::stringOr(dead.json[0], "lastError").find("Jira refused the status list (HTTP 403)"),
            std::string::npos)
      << json::stringOr(dead.json[0], "lastError");
  EXPECT_EQ(issueStatus(), "unresolved");
  return json::stringOr(dead.json[0], "id");
}

// A dead status job retried by an owner puts its status back only while it
// is still the ticket's newest: here Jira moved the ticket on to In Progress
// meanwhile, and that applied, so the retried job leaves the issue unresolved
// and says why in the sync log (it used to resolve it).
TEST_F(SyncTrustE2E, ARetriedStatusJobNeverReplacesANewerStatus) {
  const std::string jobId = statusJobDeadOnTheListRefused();
  ASSERT_FALSE(jobId.empty());
  deliverChangeTo("/_mock/issues/OPS-1/status", R"({"status":"3","actor":"alice"})", *host_,
                  [](rapidjson::Document&) {});
  ASSERT_TRUE(within(10s, [&] { return syncLogHas("Jira status 3 (indeterminate)"); }))
      << ::testing::PrintToString(syncLogDetails());

  ASSERT_EQ(host_->post(path("jobs/" + jobId + "/retry/"), "", kAdmin).status, 202);
  ASSERT_TRUE(within(10s, [&] { return syncLogHas("Jira status 10001 (done): not applied: a newer status"); }))
      << ::testing::PrintToString(syncLogDetails());
  ASSERT_TRUE(within(10s, [&] { return jobsSettled("acme"); }));
  EXPECT_EQ(issueStatus(), "unresolved");
  EXPECT_EQ(host_->get(path("jobs/?state=dead"), kAdmin).json.Size(), 0u) << "held back is done, not dead";
}

// With nothing newer from Jira, the retried job applies its status.
TEST_F(SyncTrustE2E, ARetriedStatusJobAppliesWhileItsStatusIsTheNewest) {
  const std::string jobId = statusJobDeadOnTheListRefused();
  ASSERT_FALSE(jobId.empty());
  ASSERT_EQ(host_->post(path("jobs/" + jobId + "/retry/"), "", kAdmin).status, 202);
  EXPECT_TRUE(within(10s, [&] { return issueStatus() == "resolved"; }));
  EXPECT_TRUE(syncLogHas("Jira status 10001 (done): resolved")) << ::testing::PrintToString(syncLogDetails());
}

TEST_F(SyncTrustE2E, TheAuditLogNamesTheInstallAndEveryConfigChange) {
  ASSERT_EQ(setConfig("acme", integration_, R"({"sync_comments":false})").status, 200);
  Reply audit = host_->get(path("audit-log/"), kAdmin);
  ASSERT_EQ(audit.status, 200) << audit.describe();
  ASSERT_TRUE(audit.json.IsArray());
  ASSERT_GE(audit.json.Size(), 3u);  // install, the fixture's config, this change (and the plugin switch)
  const auto& newest = audit.json[0];
  EXPECT_EQ(json::stringOr(newest, "event"), "integration.config_changed");
  EXPECT_EQ(json::stringArray(newest["data"], "changed"), std::vector<std::string>{"sync_comments"});
  EXPECT_TRUE(newest["data"]["before"]["sync_comments"].IsTrue());
  EXPECT_TRUE(newest["data"]["after"]["sync_comments"].IsFalse());
  bool installed = false;
  for (const auto& entry : audit.json.GetArray()) installed |= json::stringOr(entry, "event") == "integration.installed";
  EXPECT_TRUE(installed) << audit.body;
  // No credential of the install is in it.
  EXPECT_EQ(audit.body.find("BEGIN"), std::string::npos);
  EXPECT_EQ(audit.body.find(kInstallPat), std::string::npos);
}

}  // namespace
}  // namespace ih::e2e::jira
