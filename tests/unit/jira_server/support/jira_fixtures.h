// jira_fixtures.h - canned documents for the plugin's unit tests: the install
// form, pipeline state, integration records and org links as the host returns
// them, and a builder for Jira's jira:issue_* webhook payloads.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace ih::jira::testing {

inline constexpr const char* kBaseUrl = "https://jira.example.test/jira";
inline constexpr const char* kConsumerKey = "host-consumer";
inline constexpr const char* kPrivateKey = "-----BEGIN PRIVATE KEY-----\nMIIBfakefakefake\n-----END PRIVATE KEY-----";
inline constexpr const char* kExternalId = "jira.example.test:host-consumer";
inline constexpr const char* kRequestToken = "req-token-123";
inline constexpr const char* kRequestSecret = "req-secret-456";
inline constexpr const char* kAccessToken = "acc-token-789";
inline constexpr const char* kAccessSecret = "acc-secret-012";
inline constexpr const char* kWebhookSecret = "5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e";
inline constexpr const char* kDcSecret = "dcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdc";
inline constexpr int64_t kIntegrationId = 7;

std::string installForm(const std::string& url = kBaseUrl, const std::string& consumerKey = kConsumerKey,
                        const std::string& privateKey = kPrivateKey);
std::string pipelineStateJson(const std::string& url = kBaseUrl, bool verifySsl = true);

struct MetadataSpec {
  std::string webhookSecret = kWebhookSecret;
  std::string dcWebhookSecret;  // empty = absent
  std::string webhookId;        // empty = absent
  std::string webhookApi = "legacy";
  std::string baseUrl = kBaseUrl;

  MetadataSpec& secret(std::string value) { webhookSecret = std::move(value); return *this; }
  MetadataSpec& dcSecret(std::string value) { dcWebhookSecret = std::move(value); return *this; }
  MetadataSpec& id(std::string value) { webhookId = std::move(value); return *this; }
  MetadataSpec& api(std::string value) { webhookApi = std::move(value); return *this; }
};
std::string metadataJson(const MetadataSpec& spec = {});
std::string integrationRecord(int64_t id = kIntegrationId, const std::string& externalId = kExternalId,
                              const std::string& status = "active", const std::string& metadata = metadataJson());
std::string orgLink(int64_t organizationId, bool pluginEnabled, const std::string& configJson);
std::string oauthCredentials();

// A jira:issue_updated delivery, Server-shaped. Defaults: OPS-1 assigned to
// bob@example.test, updated 2024-06-10T09:13:20.123+0000, an empty changelog.
class IssuePayload {
 public:
  IssuePayload& key(std::string key);
  IssuePayload& event(std::string name);
  IssuePayload& assignee(std::string email);
  IssuePayload& assigneeWithoutEmail();
  IssuePayload& unassigned();       // fields.assignee: null
  IssuePayload& noAssigneeField();  // fields without "assignee"
  IssuePayload& updated(std::optional<std::string> updated);
  IssuePayload& timestamp(std::optional<int64_t> ms);
  IssuePayload& changeAssignee();   // item field "assignee" (user keys, never emails)
  IssuePayload& changeStatus(const std::string& from, const std::string& to);
  // fields.status {id, statusCategory.key}; no statusCategory when categoryKey is empty.
  IssuePayload& status(const std::string& id, const std::string& categoryKey);
  IssuePayload& move(const std::string& oldKey, const std::string& newKey);
  IssuePayload& noChangelog();
  std::string json() const;

 private:
  struct Item {
    std::string field;
    std::optional<std::string> from, to, fromString, toString;
  };
  enum class Assignee { Email, WithoutEmail, Null, Absent };

  std::string key_ = "OPS-1";
  std::string event_ = "jira:issue_updated";
  Assignee assigneeKind_ = Assignee::Email;
  std::string email_ = "bob@example.test";
  std::optional<std::string> updated_ = "2024-06-10T09:13:20.123+0000";
  std::optional<int64_t> timestamp_ = 1718010800999;
  bool changelog_ = true;
  std::vector<Item> items_;
  std::optional<std::pair<std::string, std::string>> status_;  // id, category key
};

// 2024-06-10T09:13:20.123+0000 in epoch ms.
inline constexpr int64_t kUpdatedMs = 1718010800123;

}  // namespace ih::jira::testing
