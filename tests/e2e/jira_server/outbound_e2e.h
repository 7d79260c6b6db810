// tests/e2e/jira_server/outbound_e2e.h - the fixture of the us -> Jira end to
// end tests (part 2): part 1's JiraE2ETest (real mock-jira and host) plus an
// org "acme" whose issue is linked to OPS-1 with every sync on, a reader
// token to look at tickets through Jira's own REST API, and the mock's
// journal and fault controls.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include <rapidjson/document.h>

#include "jira_e2e.h"

namespace ih::host::storage { class Database; }

namespace ih::e2e::jira {

// Paths of the seeded ticket OPS-1 the outbound tests assert on in the journal.
inline constexpr const char* kAssignPath = "/rest/api/2/issue/OPS-1/assignee";
inline constexpr const char* kTransitionsPath = "/rest/api/2/issue/OPS-1/transitions";
inline constexpr const char* kCommentsPath = "/rest/api/2/issue/OPS-1/comment";

inline constexpr const char* kReaderPat = "e2e-reader-pat";    // alice's PAT, for reading tickets
inline constexpr const char* kInstallPat = "e2e-install-pat";  // alice's PAT, for PAT installs
inline constexpr const char* kAllSyncsOn =
    R"({"sync_forward_assignment":true,"sync_reverse_assignment":true,"sync_status_reverse":true,)"
    R"("sync_comments":true,"sync_status_forward":{"10000":{"on_resolve":"10001","on_unresolve":"1"}}})";

using ih::testing::JournalEntry;

class OutboundE2E : public JiraE2ETest {
 protected:
  // start(), acme with member bob (bob@example.test) and project web, issue_
  // linked to OPS-1 through an OAuth install, every sync on.
  void SetUp() override;

  // --- host side ------------------------------------------------------------------
  Reply updateIssue(const std::string& org, const std::string& issueId, const std::string& body);
  std::string tokenFor(const std::string& userId);
  std::vector<std::string> activityTypes(const std::string& org, const std::string& issueId);
  Reply searchRoute(const std::string& org, const std::string& integrationId, const std::string& query,
                    const std::string& token = kAdmin);

  // --- Jira side ------------------------------------------------------------------
  // A field of the ticket as Jira's REST API shows it (JSON pointer under the
  // issue, e.g. "/fields/assignee/name"); "" when absent or null.
  std::string ticketField(const std::string& key, const std::string& pointer);
  // The bodies of the ticket's comments as Jira lists them, oldest first.
  std::vector<std::string> commentBodies(const std::string& key);
  std::vector<JournalEntry> journal(const std::string& method, const std::string& pathSuffix);
  void clearJournal();
  void addFault(const std::string& faultJson);
  // Makes a change in Jira (a control POST) and returns the webhook deliveries
  // it caused without sending them (the mock then drops later ones).
  struct HeldDelivery {
    std::string url, body;
    std::map<std::string, std::string> headers;
  };
  std::vector<HeldDelivery> holdDeliveriesOf(const std::string& controlPath, const std::string& change);
  // Makes a change in Jira and posts the webhooks it caused to `to` instead
  // of the registered host, each payload first passed through `edit`; each
  // must be acknowledged (stored, perhaps not applied yet).
  void deliverChangeTo(const std::string& controlPath, const std::string& change, HostProcess& to,
                       const std::function<void(rapidjson::Document&)>& edit);
  // An `edit` for deliverChangeTo: Jira's payloads may lack the status's
  // category, and the plugin then queues a job that looks it up.
  static void dropStatusCategory(rapidjson::Document& payload);
  // Stores `delivery` in the webhook inbox of `database` as a host does once
  // it has acknowledged it: what a host killed before applying it leaves.
  static void storeAcknowledged(host::storage::Database& database, const HeldDelivery& delivery);
  // Waits until the mock has delivered (and the host answered) `count` webhooks in all.
  void waitForAnsweredDeliveries(size_t count) { waitForDeliveries(count); }

  bool within(std::chrono::milliseconds timeout, const std::function<bool()>& predicate);

  std::string bob_, issue_, integration_;
};

}  // namespace ih::e2e::jira
