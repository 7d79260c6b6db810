// mock_host.h - a GoogleMock'd integration host for the Jira Server plugin's
// unit tests. A test-only ihp_host_api table forwards every C service to the
// MockHost reached through the ihp_host_ctx, converting ABI types to plain
// C++ values, so tests set expectations on what the plugin calls with what.
// Logs and counters are recorded (not mocked) so any test can assert that no
// secret reached a log line. HTTP goes to an HttpScript by default.
#pragma once

#include <gmock/gmock.h>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "ihp/plugin_abi.h"
#include "support/http_script.h"

namespace ih::jira::testing {

// What a host service that fills a sink returns: a status and the bytes.
struct SinkResult {
  ihp_status status = IHP_OK;
  std::string value;
};
inline SinkResult ok(std::string value) { return {IHP_OK, std::move(value)}; }
inline SinkResult failed(ihp_status status) { return {status, {}}; }

struct OAuthSignCall {
  std::string method, url, consumerKey, privateKey;
  std::optional<std::string> token, verifier;  // nullopt = absent
};

struct AssigneeSyncCall {
  int64_t integrationId = 0;
  std::string externalKey;
  bool assign = false;
  std::optional<std::string> email;
  int64_t eventTimeMs = 0;
  std::optional<std::string> remoteUser, remoteUserKey;  // ABI 1.3
};

// One sync_log_write (ABI 1.3).
struct SyncLogCall {
  int64_t organizationId = 0, integrationId = 0;
  std::string externalKey;
  int32_t direction = 0, outcome = 0;
  std::string kind, detail;
};

struct StatusSyncCall {
  int64_t integrationId = 0, organizationId = 0;
  std::string externalKey;
  int32_t action = 0;
  uint64_t flags = 0;
  int64_t eventTimeMs = 0;
};

struct JobCall {
  std::string kind, payloadJson;
  std::optional<std::string> orderingKey;
  int64_t organizationId = 0, integrationId = 0, delayMs = 0;
};

struct LogLine {
  int32_t level;
  std::string message;
};

class MockHost {
 public:
  MockHost();
  MockHost(const MockHost&) = delete;
  MockHost& operator=(const MockHost&) = delete;

  // --- logging, metrics, clock (recorded, not mocked)
  std::vector<LogLine> logs;
  std::map<std::string, double> counters;  // "name" or "name{label=value}"
  double counter(const std::string& key) const;
  bool anyLogContains(const std::string& needle) const;
  int64_t clockMs = 1'718'000'000'000;

  HttpScript http;

  MOCK_METHOD(CannedResponse, httpSend, (const CapturedRequest&));
  MOCK_METHOD(SinkResult, randomBytes, (size_t));
  MOCK_METHOD(SinkResult, hmacSha256, (const std::string& key, const std::string& data));
  MOCK_METHOD(bool, constantTimeEquals, (const std::string& a, const std::string& b));
  MOCK_METHOD(SinkResult, jwtSign, (const std::string& claims, const std::string& secret));
  MOCK_METHOD(SinkResult, jwtVerify, (const std::string& token, const std::string& secret));
  MOCK_METHOD(SinkResult, jwtPeekClaims, (const std::string& token));
  MOCK_METHOD(ihp_status, privateKeyCheck, (const std::string& pem));
  MOCK_METHOD(SinkResult, oauth1Sign, (const OAuthSignCall&));

  MOCK_METHOD(SinkResult, integrationFind, (const std::string& externalId));
  MOCK_METHOD(SinkResult, integrationGet, (int64_t integrationId));
  MOCK_METHOD(ihp_status, integrationMergeMetadata, (int64_t integrationId, const std::string& patch));
  MOCK_METHOD(SinkResult, orgLinks, (int64_t integrationId));
  MOCK_METHOD(SinkResult, credentials, (int64_t integrationId, int64_t organizationId));
  MOCK_METHOD(ihp_status, orgConfigMerge, (int64_t organizationId, int64_t integrationId, const std::string& patch));

  MOCK_METHOD(SinkResult, linkedIssues, (int64_t integrationId, const std::string& key));
  MOCK_METHOD(SinkResult, usersByEmail, (int64_t organizationId, const std::string& email, int64_t projectId));
  MOCK_METHOD(ihp_status, issueAssign, (int64_t org, int64_t issue, int64_t user, int64_t source));
  MOCK_METHOD(ihp_status, issueSetResolved, (int64_t org, int64_t issue, int32_t resolved, int64_t source));
  MOCK_METHOD(ihp_status, activityWrite, (int64_t org, int64_t issue, const std::string& type, const std::string& data));
  MOCK_METHOD(SinkResult, syncAssigneeInbound, (const AssigneeSyncCall&));
  MOCK_METHOD(SinkResult, syncStatusInbound, (const StatusSyncCall&));
  MOCK_METHOD(ihp_status, syncLogWrite, (const SyncLogCall&));
  MOCK_METHOD(ihp_status, watermarkAdvance,
              (int64_t org, int64_t integrationId, const std::string& key, int32_t kind, int64_t timeMs));
  MOCK_METHOD(ihp_status, commentLinkExternal,
              (int64_t org, int64_t comment, int64_t externalIssue, const std::string& externalCommentId));
  MOCK_METHOD(ihp_status, externalIssueMarkGone, (int64_t org, int64_t externalIssue, const std::string& reason));
  MOCK_METHOD(ihp_status, externalIssueRekey,
              (int64_t integrationId, const std::string& oldKey, const std::string& newKey));
  MOCK_METHOD(ihp_status, enqueue, (const JobCall&));

  // Counts oauth1Sign calls so every signature carries a fresh fake nonce.
  int signatures = 0;
};

// The reply builder the host hands to a hook; the test reads it back.
struct CapturedReply {
  int32_t status = 200;
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;
  std::string error;
  std::optional<int64_t> retryAfterMs;
  std::optional<std::string> pipelineState;
  std::optional<std::string> pipelineRef;
};

// The host table. withRekey = false leaves external_issue_rekey NULL (an older
// host, to be detected with IHP_HOST_HAS).
const ihp_host_api* testHostApi(bool withRekey = true);

// The per-call context and reply handles the table expects.
ihp_host_ctx* contextFor(MockHost& host);
ihp_reply* replyHandle(CapturedReply& reply);

}  // namespace ih::jira::testing
