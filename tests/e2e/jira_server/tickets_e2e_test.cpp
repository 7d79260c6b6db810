// Tickets end to end: the link and create forms, creating a ticket with
// labels, options and users, linking by URL with a comment, the search route
// behind the async selects, and settings as the API shows them.
#include <gtest/gtest.h>

#include "outbound_e2e.h"
#include "support/json_helpers.h"

namespace ih::e2e::jira {
namespace {

using namespace std::chrono_literals;
using ih::testing::jsonString;

class TicketsE2E : public OutboundE2E {
 protected:
  std::string issuePath(const std::string& issueId) {
    return "/api/0/organizations/acme/issues/" + issueId + "/integrations/" + integration_ + "/";
  }
  std::vector<std::string> fieldNames(const Reply& form) {
    std::vector<std::string> names;
    if (!form.json.IsObject() || !form.json.HasMember("fields")) return names;
    for (const auto& field : form.json["fields"].GetArray()) names.push_back(field["name"].GetString());
    return names;
  }
};

TEST_F(TicketsE2E, CreateFormAndCreateWithLabelsOptionsAndUsers) {
  const std::string other = createIssue("acme", "web", "Fan noise");
  Reply form = host_->get(issuePath(other) + "?action=create", kAdmin);
  ASSERT_EQ(form.status, 200) << form.describe();
  auto names = fieldNames(form);
  for (const char* name : {"project", "issuetype", "title", "description", "priority", "labels", "assignee",
                           "customfield_10100", "customfield_10101"}) {
    EXPECT_NE(std::find(names.begin(), names.end(), name), names.end()) << name << " in " << form.body;
  }
  EXPECT_EQ(std::find(names.begin(), names.end(), "issuelinks"), names.end());

  Reply created = host_->post(issuePath(other),
                              R"({"action":"create","project":"10000","issuetype":"10004","title":"Fan noise",)"
                              R"("description":"Loud","labels":"ops, urgent","priority":"2","assignee":"bob",)"
                              R"("customfield_10100":"Critical","customfield_10101":["Production","Staging"]})",
                              kAdmin);
  ASSERT_EQ(created.status, 201) << created.describe();
  const std::string key = created.str("key");
  EXPECT_EQ(key.rfind("OPS-", 0), 0u) << created.body;
  EXPECT_EQ(created.str("url"), jira_->baseUrl() + "/browse/" + key);
  EXPECT_EQ(ticketField(key, "/fields/summary"), "Fan noise");
  EXPECT_EQ(ticketField(key, "/fields/labels"), R"(["ops","urgent"])");
  EXPECT_EQ(ticketField(key, "/fields/assignee/name"), "bob");
  EXPECT_EQ(ticketField(key, "/fields/priority/id"), "2");
  EXPECT_EQ(ticketField(key, "/fields/customfield_10100/value"), "Critical");
  EXPECT_EQ(ticketField(key, "/fields/customfield_10101/1/value"), "Staging");

  Reply externals = host_->get("/api/0/organizations/acme/issues/" + other + "/external-issues/", kAdmin);
  EXPECT_NE(externals.body.find(key), std::string::npos) << externals.body;

  // The next form remembers this project's choices.
  Reply again = host_->get(issuePath(other) + "?action=create", kAdmin);
  const std::string labels =
      R"("name":"labels","label":"Labels","type":"text","required":false,"default":"ops, urgent")";
  EXPECT_NE(again.body.find(labels), std::string::npos) << again.body;
}

TEST_F(TicketsE2E, CreateWithoutAnIssueTypeIsAFieldError) {
  Reply refused = host_->post(issuePath(issue_), R"({"action":"create","project":"10000","title":"x"})", kAdmin);
  EXPECT_EQ(refused.status, 400);
  EXPECT_EQ(jsonString(refused.json, "/issuetype/0"), "Issue type is required.");
}

// Needs the host to put "organizationSlug" into the form context (plugin_abi.h,
// ihp_form_call): the route's {org} is a slug, and without it the plugin can
// only name the org by id, which the host's route does not resolve.
TEST_F(TicketsE2E, LinkFormSearchUrlWorksAsGiven) {
  Reply form = host_->get(issuePath(issue_) + "?action=link", kAdmin);
  ASSERT_EQ(form.status, 200) << form.describe();
  const std::string searchUrl = jsonString(form.json, "/fields/0/url");
  EXPECT_EQ(searchUrl, "/extensions/jira-server/search/acme/" + integration_ + "/");
  Reply found = host_->get(searchUrl + "?field=externalIssue&query=OPS-2", kAdmin);
  EXPECT_EQ(found.status, 200) << found.describe();
}

TEST_F(TicketsE2E, LinkByUrlPostsTheComment) {
  const std::string other = createIssue("acme", "web", "Fan noise");
  clearJournal();
  Reply linked = host_->post(issuePath(other),
                             R"({"action":"link","externalIssue":")" + jira_->baseUrl() +
                                 R"(/browse/OPS-2/","comment":"Tracked in the host"})",
                             kAdmin);
  ASSERT_EQ(linked.status, 201) << linked.describe();
  EXPECT_EQ(linked.str("key"), "OPS-2");
  EXPECT_TRUE(within(5s, [&] { return journal("POST", "/rest/api/2/issue/OPS-2/comment").size() == 1; }));
  // The comment carries our marker property (effectively-once posting).
  const std::string posted = journal("POST", "/rest/api/2/issue/OPS-2/comment")[0].body;
  EXPECT_EQ(posted.rfind(R"({"body":"Tracked in the host","properties":[{"key":"integration-host.origin",)", 0), 0u)
      << posted;

  Reply missing = host_->post(issuePath(other), R"({"action":"link","externalIssue":"OPS-404"})", kAdmin);
  EXPECT_EQ(missing.status, 400);
  EXPECT_EQ(jsonString(missing.json, "/externalIssue/0"), "Jira issue OPS-404 does not exist.");
}

TEST_F(TicketsE2E, SearchRouteFindsIssuesAndUsers) {
  const std::string bobToken = tokenFor(bob_);
  Reply byKey = searchRoute("acme", integration_, "field=externalIssue&query=OPS-2", bobToken);
  ASSERT_EQ(byKey.status, 200) << byKey.describe();
  EXPECT_EQ(jsonString(byKey.json, "/0/label"), "(OPS-2) Fan noise");
  EXPECT_EQ(jsonString(byKey.json, "/0/value"), "OPS-2");

  Reply byText = searchRoute("acme", integration_, "field=externalIssue&query=Disk", bobToken);
  ASSERT_EQ(byText.status, 200) << byText.describe();
  EXPECT_NE(byText.body.find("OPS-1"), std::string::npos) << byText.body;

  Reply users = searchRoute("acme", integration_, "field=assignee&query=bo&project=10000", bobToken);
  ASSERT_EQ(users.status, 200) << users.describe();
  const std::string bob = R"json({"label":"Bob Builder - bob@example.test (bob)","value":"bob"})json";
  EXPECT_NE(users.body.find(bob), std::string::npos) << users.body;

  Reply missing = searchRoute("acme", integration_, "field=externalIssue", bobToken);
  EXPECT_EQ(missing.status, 400);
  EXPECT_EQ(jsonString(missing.json, "/detail"), "query is a required parameter");
}

TEST_F(TicketsE2E, SearchRouteRefusesAnotherOrgsIntegration) {
  createOrg("beta");
  Reply other = searchRoute("beta", integration_, "field=externalIssue&query=OPS-1");
  EXPECT_EQ(other.status, 404) << other.describe();
}

TEST_F(TicketsE2E, SettingsAreValidatedAndShownBack) {
  Reply bad = setConfig("acme", integration_, R"({"sync_status_forward":{"10000":{"on_resolve":"10001"}}})");
  EXPECT_EQ(bad.status, 400);
  EXPECT_EQ(jsonString(bad.json, "/sync_status_forward/0"), "Resolve and unresolve status are required.");
  EXPECT_EQ(setConfig("acme", integration_, R"({"colour":"blue"})").status, 400);

  Reply saved = setConfig("acme", integration_, R"({"issues_ignored_fields":"labels,\n customfield_10100 "})");
  ASSERT_EQ(saved.status, 200) << saved.describe();
  EXPECT_EQ(jsonString(saved.json, "/config/issues_ignored_fields"), "labels, customfield_10100");
  EXPECT_TRUE(saved.json["config"]["sync_comments"].GetBool()) << "other settings are kept";
  Reply form = host_->get(issuePath(issue_) + "?action=create", kAdmin);
  EXPECT_EQ(form.body.find(R"("name":"labels")"), std::string::npos) << "ignored fields are hidden";
}

}  // namespace
}  // namespace ih::e2e::jira
