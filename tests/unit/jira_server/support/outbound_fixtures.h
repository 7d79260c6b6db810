// outbound_fixtures.h - documents for the part 2 tests: the outbound event
// and form context the host hands the plugin, Jira's answers (issues, users,
// transitions, createmeta pages), and OutboundTest, the fixture that installs
// an integration (OAuth 1.0a credentials, metadata) for org 1 and drives the
// part 2 hooks through a HookDriver.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "support/hook_driver.h"
#include "support/plugin_test.h"

namespace ih::jira::testing {

inline constexpr int64_t kExternalIssueId = 55;
inline constexpr int64_t kCommentId = 77;

// {base}/rest/api/2 + path
std::string api(const std::string& path);

// What the plugin reads after each write to OPS-1 (GET
// ...?fields=updated,status): OutboundTest allows this answer (plumbing after
// any write, which tests of other things need not script); a test about the
// read scripts it, and then it must happen. kTicketUpdatedMs is its time,
// kTicketUpdatedStatus its status (where a resolve's transition leads).
inline constexpr const char* kTicketUpdated = "2024-06-10T09:13:20.123+0000";
inline constexpr int64_t kTicketUpdatedMs = 1'718'010'800'123;
inline constexpr const char* kTicketUpdatedStatus = "10001";
std::string updatedUrl();
// That answer with the ticket in another status (moved on in Jira since).
CannedResponse updatedAnswerInStatus(const std::string& statusId);
void scriptUpdatedRead(HttpScript& http);
void allowUpdatedRead(HttpScript& http);

// An ihp_event JSON for org 1, integration 7, ticket OPS-1 (external issue 55).
class EventJson {
 public:
  EventJson& config(std::string json);
  EventJson& assignee(std::vector<std::string> verifiedEmails);
  EventJson& unassigned();
  EventJson& resolved(bool resolved);
  EventJson& comment(std::string text, std::optional<std::string> externalCommentId = std::nullopt);
  EventJson& organization(int64_t id);
  std::string json() const;

 private:
  std::string config_ = "{}";
  int64_t organization_ = 1;
  std::optional<std::vector<std::string>> emails_;
  bool resolved_ = false;
  std::string commentText_ = "It broke again";
  std::optional<std::string> externalCommentId_;
};

// The issue_form / issue_action context for issue 42 (SHORT-1) of org 1 ("acme").
std::string formContext(const std::string& configJson = "{}", const std::map<std::string, std::string>& params = {});

// Jira documents.
std::string jiraIssue(const std::string& key, const std::string& summary, const std::string& projectId = "10000",
                      const std::string& statusId = "1", const std::optional<std::string>& description = std::nullopt);
std::string jiraUser(const std::string& name, const std::string& displayName,
                     const std::optional<std::string>& email = std::nullopt);
std::string jsonList(const std::vector<std::string>& items);
// {"transitions":[{"id","name","to":{"id"}}...]}; an empty `to` leaves `to` out.
std::string transitionsJson(const std::vector<std::pair<std::string, std::string>>& idToStatus);
// A createmeta page of `values`.
std::string page(const std::vector<std::string>& values, int64_t startAt, bool isLast);

class OutboundTest : public PluginTest {
 protected:
  void SetUp() override;
  void usePatCredentials(const std::string& token);
  // True when no request went to Jira with this method and URL.
  bool never(const std::string& method, const std::string& url) const { return host.http.count(method, url) == 0; }

  HookDriver hooks{host};
};

}  // namespace ih::jira::testing
