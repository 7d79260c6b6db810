// Inbound sync end to end: a change made in Jira (through the mock's control
// API) reaches the linked host issue through the real webhook, in the org that
// turned the sync on, and not in the org that did not.
//
// Linking a host issue to a Jira ticket goes through the plugin's link action,
// never behind the host's back; a link or a setting that fails fails the test.
#include <gtest/gtest.h>

#include <thread>

#include "jira_e2e.h"
#include "support/eventually.h"
#include "support/json_helpers.h"

namespace ih::e2e::jira {
namespace {

using ih::testing::jsonString;

class JiraSyncE2E : public JiraE2ETest {
 protected:
  // Two orgs on one integration, each with an issue linked to OPS-1; only
  // `acme` turns the reverse syncs on. bob@example.test is on acme's team.
  void SetUp() override {
    start();
    createOrg("acme");
    createOrg("beta");
    bob_ = createUser("bob@example.test");
    addMember("acme", bob_);
    addMember("beta", bob_);
    createProject("acme", "web", "core", bob_);
    createProject("beta", "api", "ops", bob_);
    acmeIssue_ = createIssue("acme", "web", "Disk full");
    betaIssue_ = createIssue("beta", "api", "Disk full too");
    ASSERT_EQ(install("acme").status, 200);
    ASSERT_EQ(install("beta").status, 200);
    integration_ = integrationIdOf("acme");

    ASSERT_TRUE(linkIssue("acme", acmeIssue_, integration_, "OPS-1"));
    ASSERT_TRUE(linkIssue("beta", betaIssue_, integration_, "OPS-1"));
    Reply on = setConfig("acme", integration_, R"({"sync_reverse_assignment":true,"sync_status_reverse":true})");
    ASSERT_EQ(on.status, 200) << on.describe();
    ASSERT_EQ(setConfig("beta", integration_, R"({"sync_reverse_assignment":false,"sync_status_reverse":false})").status,
              200);
  }

  std::string status(const std::string& org, const std::string& issue) { return getIssue(org, issue).str("status"); }
  bool hasActivity(const std::string& org, const std::string& issue, const std::string& type) {
    Reply list = activities(org, issue);
    if (!list.json.IsArray()) return false;
    for (const auto& activity : list.json.GetArray()) {
      if (jsonString(activity, "/type") == type && ih::testing::jsonHas(activity, "/data/integrationId")) return true;
    }
    return false;
  }

  void jiraChange(const std::string& path, const std::string& body) {
    auto changed = jira_->control("POST", path, body);
    ASSERT_EQ(changed.status, 200) << path << " -> " << changed.body;
    // Distinct Jira `updated` times (millisecond resolution) for ordering tests.
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  // Holds Jira's deliveries, runs `changes`, then releases them newest first.
  void deliverInReverse(const std::function<void()>& changes) {
    ASSERT_EQ(jira_->control("DELETE", "/_mock/deliveries").status / 100, 2);
    mockJson("POST", "/_mock/deliveries/control", R"({"mode":"hold"})");
    changes();
    mockJson("POST", "/_mock/deliveries/release", R"({"order":"reverse"})");
    auto deliveries = waitForDeliveries(2);
    for (const auto& delivery : deliveries.GetArray()) {
      EXPECT_EQ(ih::testing::jsonInt(delivery, "/status"), 200) << ih::testing::toJson(delivery);
    }
  }

  std::string bob_, acmeIssue_, betaIssue_, integration_;
};

TEST_F(JiraSyncE2E, AssigneeChangedInJiraAssignsTheLinkedIssue) {
  ASSERT_EQ(jira_->control("POST", "/_mock/issues/OPS-1/assignee", R"({"assignee":"bob","actor":"alice"})").status,
            200);
  EXPECT_TRUE(ih::testing::eventually([&] { return assigneeEmail("acme", acmeIssue_) == "bob@example.test"; },
                                      std::chrono::seconds(5)));
  EXPECT_TRUE(hasActivity("acme", acmeIssue_, "assigned"));
  EXPECT_EQ(assigneeEmail("beta", betaIssue_), "") << "sync is off in beta";

  ASSERT_EQ(jira_->control("POST", "/_mock/issues/OPS-1/assignee", R"({"assignee":null,"actor":"alice"})").status, 200);
  EXPECT_TRUE(ih::testing::eventually([&] { return assigneeEmail("acme", acmeIssue_).empty(); },
                                      std::chrono::seconds(5)));
  EXPECT_TRUE(hasActivity("acme", acmeIssue_, "unassigned"));
}

TEST_F(JiraSyncE2E, StatusChangedInJiraResolvesAndUnresolvesTheLinkedIssue) {
  ASSERT_EQ(jira_->control("POST", "/_mock/issues/OPS-1/status", R"({"status":"10001","actor":"alice"})").status, 200);
  EXPECT_TRUE(ih::testing::eventually([&] { return status("acme", acmeIssue_) == "resolved"; },
                                      std::chrono::seconds(5)));
  EXPECT_EQ(status("beta", betaIssue_), "unresolved") << "sync is off in beta";

  ASSERT_EQ(jira_->control("POST", "/_mock/issues/OPS-1/status", R"({"status":"3","actor":"alice"})").status, 200);
  EXPECT_TRUE(ih::testing::eventually([&] { return status("acme", acmeIssue_) == "unresolved"; },
                                      std::chrono::seconds(5)));
  EXPECT_TRUE(hasActivity("acme", acmeIssue_, "set_resolved"));
  EXPECT_TRUE(hasActivity("acme", acmeIssue_, "set_unresolved"));
}

TEST_F(JiraSyncE2E, OutOfOrderAssigneeDeliveriesKeepTheNewestAssignee) {
  jiraChange("/_mock/issues/OPS-1/assignee", R"({"assignee":"bob","actor":"alice"})");
  ASSERT_TRUE(ih::testing::eventually([&] { return assigneeEmail("acme", acmeIssue_) == "bob@example.test"; },
                                      std::chrono::seconds(5)));
  // Jira DC delivers asynchronously: the older "unassigned" arrives last and is stale.
  deliverInReverse([&] {
    jiraChange("/_mock/issues/OPS-1/assignee", R"({"assignee":null,"actor":"alice"})");
    jiraChange("/_mock/issues/OPS-1/assignee", R"({"assignee":"bob","actor":"alice"})");
  });
  EXPECT_EQ(assigneeEmail("acme", acmeIssue_), "bob@example.test");
}

TEST_F(JiraSyncE2E, OutOfOrderStatusDeliveriesKeepTheNewestStatus) {
  deliverInReverse([&] {
    jiraChange("/_mock/issues/OPS-1/status", R"({"status":"10001","actor":"alice"})");
    jiraChange("/_mock/issues/OPS-1/status", R"({"status":"3","actor":"alice"})");
  });
  // The older "resolved" arrived last and is stale: it must never apply. Both
  // deliveries are answered (their jobs, if any, queued); once every job of
  // acme has run, the issue is still unresolved.
  ASSERT_TRUE(ih::testing::eventually([&] { return jobsSettled("acme"); }, std::chrono::seconds(10)));
  EXPECT_EQ(status("acme", acmeIssue_), "unresolved");
  EXPECT_FALSE(hasActivity("acme", acmeIssue_, "set_resolved"));
}

TEST_F(JiraSyncE2E, MovedIssueKeepsSyncingUnderItsNewKey) {
  auto moved = jira_->control("POST", "/_mock/issues/OPS-1/move", R"({"project":"APP","actor":"alice"})");
  ASSERT_EQ(moved.status, 200) << moved.body;
  const std::string newKey = "APP-1";
  auto keyOf = [&] {
    Reply list = host_->get("/api/0/organizations/acme/issues/" + acmeIssue_ + "/external-issues/", kAdmin);
    return list.json.IsArray() && !list.json.Empty() ? jsonString(list.json, "/0/key") : std::string();
  };
  ASSERT_TRUE(ih::testing::eventually([&] { return keyOf() == newKey; }, std::chrono::seconds(5))) << keyOf();
  jiraChange("/_mock/issues/" + newKey + "/assignee", R"({"assignee":"bob","actor":"alice"})");
  EXPECT_TRUE(ih::testing::eventually([&] { return assigneeEmail("acme", acmeIssue_) == "bob@example.test"; },
                                      std::chrono::seconds(5)));
}

}  // namespace
}  // namespace ih::e2e::jira
