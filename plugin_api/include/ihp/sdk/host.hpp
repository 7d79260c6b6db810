// ihp/sdk/host.hpp - C++ face of the host's service table for one hook call.
//
// A Host pairs the host's function table with the per-call context, turns
// ihp_str/ihp_sink plumbing into std::string, and never throws for a failed
// service: failures come back as Result statuses. It is cheap to copy and must
// not outlive the hook call it was made for.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "ihp/sdk/result.hpp"
#include "ihp/sdk/strings.hpp"

namespace ihp::sdk {

using HeaderList = std::vector<std::pair<std::string, std::string>>;

struct HttpRequest {
  std::string method = "GET";
  std::string url;
  HeaderList headers;
  std::string body;
  uint32_t timeoutMs = 0;  // 0 = host default
  // Accept any certificate (a self-hosted Jira with a private CA; prefer the
  // host's --tls-ca-file). Off by default, like the ABI member it sets.
  bool insecureSkipTlsVerify = false;
};

struct HttpResponse {
  int32_t status = 0;
  HeaderList headers;  // names as received
  std::string body;
  // After a transport failure: why, in words, when the host said (ABI 1.1,
  // on_transport_error), e.g. "TLS: ... certificate verify failed".
  std::string transportError;

  // First value of a header, compared case-insensitively; empty if missing.
  std::string header(std::string_view name) const {
    for (const auto& [key, value] : headers) {
      if (key.size() == name.size() && equalsIgnoreCase(key, name)) return value;
    }
    return {};
  }

 private:
  static bool equalsIgnoreCase(std::string_view a, std::string_view b) {
    for (size_t i = 0; i < a.size(); ++i) {
      char x = a[i], y = b[i];
      if (x >= 'A' && x <= 'Z') x = static_cast<char>(x - 'A' + 'a');
      if (y >= 'A' && y <= 'Z') y = static_cast<char>(y - 'A' + 'a');
      if (x != y) return false;
    }
    return true;
  }
};

struct OAuth1Params {
  std::string method;
  std::string url;
  std::string consumerKey;
  std::string privateKeyPem;
  std::string token;     // empty = omitted
  std::string verifier;  // empty = omitted
};

namespace detail {

// The ABI minor agreed with the host at entry (one per loaded .so). A host
// call's meaning can grow with the minor without a new table entry (a flag
// an older host would ignore), so such uses ask for it rather than for
// IHP_HOST_HAS.
inline uint32_t& negotiatedMinor() {
  static uint32_t minor = 0;
  return minor;
}

}  // namespace detail

class Host {
 public:
  Host(const ihp_host_api* api, ihp_host_ctx* ctx) : api_(api), ctx_(ctx) {}

  const ihp_host_api* api() const { return api_; }
  ihp_host_ctx* ctx() const { return ctx_; }
  // min(the host's IHP_ABI_MINOR, the plugin's), as negotiated at entry.
  uint32_t abiMinor() const { return detail::negotiatedMinor(); }

  // --- logging, metrics, clock ---------------------------------------------
  void log(int32_t level, std::string_view message) const { api_->log(ctx_, level, str(message)); }
  void debug(std::string_view message) const { log(IHP_LOG_DEBUG, message); }
  void info(std::string_view message) const { log(IHP_LOG_INFO, message); }
  void warn(std::string_view message) const { log(IHP_LOG_WARNING, message); }
  void error(std::string_view message) const { log(IHP_LOG_ERROR, message); }

  void count(std::string_view name, double delta = 1.0) const {
    api_->counter_add(ctx_, str(name), absent(), absent(), delta);
  }
  void count(std::string_view name, std::string_view labelName, std::string_view labelValue,
             double delta = 1.0) const {
    api_->counter_add(ctx_, str(name), str(labelName), str(labelValue), delta);
  }
  int64_t nowMs() const { return api_->now_ms(ctx_); }

  // --- outbound HTTP -------------------------------------------------------
  // The status is the transport outcome; an HTTP error status is still IHP_OK.
  // A transport failure's value holds only transportError.
  Result<HttpResponse> send(const HttpRequest& request) const {
    std::vector<ihp_header> headers;
    headers.reserve(request.headers.size());
    for (const auto& [name, value] : request.headers) headers.push_back({str(name), str(value)});
    ihp_http_request raw{};
    raw.struct_size = sizeof raw;
    raw.method = str(request.method);
    raw.url = str(request.url);
    raw.headers = headers.data();
    raw.header_count = headers.size();
    raw.body = str(request.body);
    raw.timeout_ms = request.timeoutMs;
    // Both TLS members agree: a 1.2 host reads only the new one, a 1.0/1.1
    // host only verify_tls.
    raw.tls_insecure_skip_verify = request.insecureSkipTlsVerify ? 1 : 0;
    raw.verify_tls = request.insecureSkipTlsVerify ? 0 : 1;

    ResponseBeingRead reading;
    ihp_http_response_sink sink{
        sizeof(ihp_http_response_sink), &reading, &onStatus, &onHeader, &onBody, &onTransportError};
    ihp_status status = api_->http_send(ctx_, &raw, &sink);
    if (status == IHP_OK && reading.failed) status = IHP_E_INTERNAL;  // the answer could not be kept whole
    if (status != IHP_OK) {
      HttpResponse failed;
      failed.transportError = std::move(reading.response.transportError);
      return Result<HttpResponse>{status, std::move(failed)};
    }
    return Result<HttpResponse>::success(std::move(reading.response));
  }

  // --- auth and crypto -----------------------------------------------------
  Result<std::string> randomBytes(size_t count) const {
    std::string bytes(count, '\0');
    ihp_status status = api_->random_bytes(ctx_, reinterpret_cast<uint8_t*>(bytes.data()), count);
    if (status != IHP_OK) return Result<std::string>::failure(status);
    return Result<std::string>::success(std::move(bytes));
  }
  Result<std::array<uint8_t, 32>> hmacSha256(std::string_view key, std::string_view data) const {
    std::array<uint8_t, 32> digest{};
    ihp_status status = api_->hmac_sha256(ctx_, str(key), str(data), digest.data());
    return Result<std::array<uint8_t, 32>>{status, digest};
  }
  bool constantTimeEquals(std::string_view a, std::string_view b) const {
    return api_->constant_time_equals(ctx_, str(a), str(b)) == 1;
  }
  Result<std::string> jwtSign(std::string_view claimsJson, std::string_view secret) const {
    return collect([&](const ihp_sink* sink) { return api_->jwt_hs256_sign(ctx_, str(claimsJson), str(secret), sink); });
  }
  Result<std::string> jwtVerify(std::string_view token, std::string_view secret) const {
    return collect([&](const ihp_sink* sink) { return api_->jwt_hs256_verify(ctx_, str(token), str(secret), sink); });
  }
  Result<std::string> jwtPeekClaims(std::string_view token) const {
    return collect([&](const ihp_sink* sink) { return api_->jwt_peek_claims(ctx_, str(token), sink); });
  }
  ihp_status privateKeyCheck(std::string_view pem) const { return api_->private_key_check(ctx_, str(pem)); }
  Result<std::string> oauth1Sign(const OAuth1Params& params) const {
    ihp_oauth1_request raw{};
    raw.struct_size = sizeof raw;
    raw.method = str(params.method);
    raw.url = str(params.url);
    raw.consumer_key = str(params.consumerKey);
    raw.private_key_pem = str(params.privateKeyPem);
    raw.token = params.token.empty() ? absent() : str(params.token);
    raw.verifier = params.verifier.empty() ? absent() : str(params.verifier);
    return collect([&](const ihp_sink* sink) { return api_->oauth1_sign(ctx_, &raw, sink); });
  }

  // --- integrations, credentials, org config (JSON documents) -------------
  Result<std::string> integrationFind(std::string_view externalId) const {
    return collect([&](const ihp_sink* sink) { return api_->integration_find(ctx_, str(externalId), sink); });
  }
  Result<std::string> integrationGet(int64_t integrationId) const {
    return collect([&](const ihp_sink* sink) { return api_->integration_get(ctx_, integrationId, sink); });
  }
  ihp_status integrationMergeMetadata(int64_t integrationId, std::string_view patchJson) const {
    return api_->integration_merge_metadata(ctx_, integrationId, str(patchJson));
  }
  Result<std::string> orgLinks(int64_t integrationId) const {
    return collect([&](const ihp_sink* sink) { return api_->org_links_list(ctx_, integrationId, sink); });
  }
  Result<std::string> credentials(int64_t integrationId, int64_t organizationId) const {
    return collect([&](const ihp_sink* sink) {
      return api_->credentials_get(ctx_, integrationId, organizationId, sink);
    });
  }
  ihp_status orgConfigMerge(int64_t organizationId, int64_t integrationId, std::string_view patchJson) const {
    return api_->org_config_merge(ctx_, organizationId, integrationId, str(patchJson));
  }

  // --- domain --------------------------------------------------------------
  Result<std::string> linkedIssues(int64_t integrationId, std::string_view externalKey) const {
    return collect([&](const ihp_sink* sink) {
      return api_->linked_issues_find(ctx_, integrationId, str(externalKey), sink);
    });
  }
  Result<std::string> usersByEmail(int64_t organizationId, std::string_view email, int64_t projectId) const {
    return collect([&](const ihp_sink* sink) {
      return api_->users_find_by_email(ctx_, organizationId, str(email), projectId, sink);
    });
  }
  ihp_status issueAssign(int64_t organizationId, int64_t issueId, int64_t userId, int64_t sourceIntegrationId) const {
    return api_->issue_assign(ctx_, organizationId, issueId, userId, sourceIntegrationId);
  }
  ihp_status issueSetResolved(int64_t organizationId, int64_t issueId, bool resolved,
                              int64_t sourceIntegrationId) const {
    return api_->issue_set_resolved(ctx_, organizationId, issueId, resolved ? 1 : 0, sourceIntegrationId);
  }
  ihp_status activityWrite(int64_t organizationId, int64_t issueId, std::string_view type,
                           std::string_view dataJson) const {
    return api_->activity_write(ctx_, organizationId, issueId, str(type), str(dataJson));
  }
  Result<std::string> syncAssigneeInbound(const ihp_assignee_sync& sync) const {
    return collect([&](const ihp_sink* sink) { return api_->sync_assignee_inbound(ctx_, &sync, sink); });
  }
  Result<std::string> syncStatusInbound(const ihp_status_sync& sync) const {
    return collect([&](const ihp_sink* sink) { return api_->sync_status_inbound(ctx_, &sync, sink); });
  }
  ihp_status watermarkAdvance(int64_t organizationId, int64_t integrationId, std::string_view externalKey,
                              int32_t kind, int64_t eventTimeMs) const {
    return api_->watermark_advance(ctx_, organizationId, integrationId, str(externalKey), kind, eventTimeMs);
  }
  ihp_status commentLinkExternal(int64_t organizationId, int64_t commentId, int64_t externalIssueId,
                                 std::string_view externalCommentId) const {
    return api_->comment_link_external(ctx_, organizationId, commentId, externalIssueId, str(externalCommentId));
  }
  ihp_status externalIssueRekey(int64_t integrationId, std::string_view oldKey, std::string_view newKey) const {
    return api_->external_issue_rekey(ctx_, integrationId, str(oldKey), str(newKey));
  }
  ihp_status externalIssueMarkGone(int64_t organizationId, int64_t externalIssueId, std::string_view reason) const {
    return api_->external_issue_mark_gone(ctx_, organizationId, externalIssueId, str(reason));
  }

  // --- sync log (ABI 1.3) ---------------------------------------------------
  // One line of the sync log of the issues linked to (integrationId,
  // externalKey) in organizationId (0 = every organization linking it).
  // `reason` is words for people ("no status mapping for project 10000"),
  // never secrets. On a host older than 1.3 the line is dropped: the log
  // explains a sync, it never decides one, so the plugin carries on.
  struct SyncLogLine {
    int64_t organizationId = 0;
    int64_t integrationId = 0;
    std::string_view externalKey;
    int32_t direction = IHP_SYNC_INBOUND;  // IHP_SYNC_INBOUND | IHP_SYNC_OUTBOUND
    int32_t outcome = IHP_SYNC_APPLIED;    // IHP_SYNC_APPLIED ... IHP_SYNC_FAILED
    std::string_view kind;                 // assignee | status | comment | link | reconcile
    std::string_view reason;
  };
  ihp_status syncLog(const SyncLogLine& line) const {
    if (!IHP_HOST_HAS(api_, sync_log_write)) return IHP_E_UNSUPPORTED;
    ihp_sync_log_entry raw{};
    raw.struct_size = sizeof raw;
    raw.organization_id = line.organizationId;
    raw.integration_id = line.integrationId;
    raw.external_key = str(line.externalKey);
    raw.direction = line.direction;
    raw.outcome = line.outcome;
    raw.kind = str(line.kind);
    raw.detail = str(line.reason);
    return api_->sync_log_write(ctx_, &raw);
  }

  // --- jobs ----------------------------------------------------------------
  struct JobSpec {
    std::string kind;
    std::string payloadJson = "{}";
    std::string orderingKey;  // empty = unordered
    int64_t organizationId = 0;
    int64_t integrationId = 0;
    int64_t delayMs = 0;
  };
  ihp_status enqueue(const JobSpec& job) const {
    ihp_job_spec raw{};
    raw.struct_size = sizeof raw;
    raw.kind = str(job.kind);
    raw.payload_json = str(job.payloadJson);
    raw.ordering_key = job.orderingKey.empty() ? absent() : str(job.orderingKey);
    raw.organization_id = job.organizationId;
    raw.integration_id = job.integrationId;
    raw.delay_ms = job.delayMs;
    return api_->job_enqueue(ctx_, &raw);
  }

 private:
  template <class Call>
  static Result<std::string> collect(Call&& call) {
    StringSink sink;
    ihp_status status = call(sink.get());
    if (status == IHP_OK && sink.failed()) status = IHP_E_INTERNAL;
    if (status != IHP_OK) return Result<std::string>::failure(status);
    return Result<std::string>::success(sink.take());
  }

  // The response sink's callbacks run under the host's C frames, so nothing
  // may unwind from them: a failure (out of memory) is noted instead, and
  // send() reports IHP_E_INTERNAL.
  struct ResponseBeingRead {
    HttpResponse response;
    bool failed = false;
  };
  template <class Fill>
  static void filling(void* self, Fill&& fill) noexcept {
    auto* reading = static_cast<ResponseBeingRead*>(self);
    try {
      fill(reading->response);
    } catch (...) {
      reading->failed = true;
    }
  }
  static void onStatus(void* self, int32_t status) noexcept {
    filling(self, [&](HttpResponse& response) { response.status = status; });
  }
  static void onHeader(void* self, ihp_str name, ihp_str value) noexcept {
    filling(self, [&](HttpResponse& response) {
      response.headers.emplace_back(std::string(view(name)), std::string(view(value)));
    });
  }
  static void onBody(void* self, const char* data, size_t len) noexcept {
    filling(self, [&](HttpResponse& response) { response.body.append(data, len); });
  }
  static void onTransportError(void* self, ihp_str cause) noexcept {
    filling(self, [&](HttpResponse& response) { response.transportError = std::string(view(cause)); });
  }

  const ihp_host_api* api_;
  ihp_host_ctx* ctx_;
};

}  // namespace ihp::sdk
