#include "support/mock_host.h"

#include "support/fake_crypto.h"

namespace ih::jira::testing {

using ::testing::_;
using ::testing::Invoke;
using ::testing::Return;

namespace {

MockHost& hostOf(ihp_host_ctx* ctx) { return *reinterpret_cast<MockHost*>(ctx); }
CapturedReply& replyOf(ihp_reply* reply) { return *reinterpret_cast<CapturedReply*>(reply); }

std::string text(ihp_str s) { return s.ptr == nullptr ? std::string() : std::string(s.ptr, s.len); }
std::optional<std::string> optionalText(ihp_str s) {
  return s.ptr == nullptr ? std::nullopt : std::optional<std::string>(text(s));
}

ihp_status deliver(const SinkResult& result, const ihp_sink* sink) {
  if (result.status == IHP_OK && sink != nullptr) sink->write(sink->self, result.value.data(), result.value.size());
  return result.status;
}

// --- the C table -----------------------------------------------------------

void log(ihp_host_ctx* ctx, int32_t level, ihp_str message) { hostOf(ctx).logs.push_back({level, text(message)}); }

void counterAdd(ihp_host_ctx* ctx, ihp_str name, ihp_str labelName, ihp_str labelValue, double delta) {
  std::string key = text(name);
  if (labelName.ptr != nullptr) key += "{" + text(labelName) + "=" + text(labelValue) + "}";
  hostOf(ctx).counters[key] += delta;
}

int64_t nowMs(ihp_host_ctx* ctx) { return hostOf(ctx).clockMs; }

ihp_status httpSend(ihp_host_ctx* ctx, const ihp_http_request* request, const ihp_http_response_sink* response) {
  CapturedRequest captured;
  captured.method = text(request->method);
  captured.url = text(request->url);
  for (size_t i = 0; i < request->header_count; ++i) {
    captured.headers.emplace_back(text(request->headers[i].name), text(request->headers[i].value));
  }
  captured.bodyPresent = request->body.ptr != nullptr && request->body.len > 0;
  captured.body = text(request->body);
  captured.timeoutMs = request->timeout_ms;
  captured.verifyTls = IHP_HTTP_REQUEST_VERIFIES_TLS(request);
  CannedResponse canned = hostOf(ctx).httpSend(captured);
  if (canned.transport != IHP_OK) return canned.transport;
  response->on_status(response->self, canned.status);
  for (const auto& [name, value] : canned.headers) {
    response->on_header(response->self, ihp_str{name.data(), name.size()}, ihp_str{value.data(), value.size()});
  }
  if (!canned.body.empty()) response->on_body(response->self, canned.body.data(), canned.body.size());
  return IHP_OK;
}

ihp_status randomBytes(ihp_host_ctx* ctx, uint8_t* out, size_t len) {
  SinkResult result = hostOf(ctx).randomBytes(len);
  if (result.status != IHP_OK) return result.status;
  for (size_t i = 0; i < len; ++i) out[i] = i < result.value.size() ? static_cast<uint8_t>(result.value[i]) : 0;
  return IHP_OK;
}

ihp_status hmacSha256(ihp_host_ctx* ctx, ihp_str key, ihp_str data, uint8_t* out32) {
  SinkResult result = hostOf(ctx).hmacSha256(text(key), text(data));
  if (result.status != IHP_OK) return result.status;
  for (size_t i = 0; i < 32; ++i) out32[i] = i < result.value.size() ? static_cast<uint8_t>(result.value[i]) : 0;
  return IHP_OK;
}

int32_t constantTimeEquals(ihp_host_ctx* ctx, ihp_str a, ihp_str b) {
  return hostOf(ctx).constantTimeEquals(text(a), text(b)) ? 1 : 0;
}

ihp_status jwtSign(ihp_host_ctx* ctx, ihp_str claims, ihp_str secret, const ihp_sink* out) {
  return deliver(hostOf(ctx).jwtSign(text(claims), text(secret)), out);
}
ihp_status jwtVerify(ihp_host_ctx* ctx, ihp_str token, ihp_str secret, const ihp_sink* out) {
  return deliver(hostOf(ctx).jwtVerify(text(token), text(secret)), out);
}
ihp_status jwtPeek(ihp_host_ctx* ctx, ihp_str token, const ihp_sink* out) {
  return deliver(hostOf(ctx).jwtPeekClaims(text(token)), out);
}
ihp_status privateKeyCheck(ihp_host_ctx* ctx, ihp_str pem) { return hostOf(ctx).privateKeyCheck(text(pem)); }

ihp_status oauth1Sign(ihp_host_ctx* ctx, const ihp_oauth1_request* request, const ihp_sink* out) {
  OAuthSignCall call{text(request->method),       text(request->url),          text(request->consumer_key),
                     text(request->private_key_pem), optionalText(request->token), optionalText(request->verifier)};
  return deliver(hostOf(ctx).oauth1Sign(call), out);
}

ihp_status integrationFind(ihp_host_ctx* ctx, ihp_str externalId, const ihp_sink* out) {
  return deliver(hostOf(ctx).integrationFind(text(externalId)), out);
}
ihp_status integrationGet(ihp_host_ctx* ctx, int64_t id, const ihp_sink* out) {
  return deliver(hostOf(ctx).integrationGet(id), out);
}
ihp_status integrationMergeMetadata(ihp_host_ctx* ctx, int64_t id, ihp_str patch) {
  return hostOf(ctx).integrationMergeMetadata(id, text(patch));
}
ihp_status orgLinks(ihp_host_ctx* ctx, int64_t id, const ihp_sink* out) { return deliver(hostOf(ctx).orgLinks(id), out); }
ihp_status credentials(ihp_host_ctx* ctx, int64_t id, int64_t org, const ihp_sink* out) {
  return deliver(hostOf(ctx).credentials(id, org), out);
}
ihp_status orgConfigMerge(ihp_host_ctx* ctx, int64_t org, int64_t id, ihp_str patch) {
  return hostOf(ctx).orgConfigMerge(org, id, text(patch));
}
ihp_status linkedIssues(ihp_host_ctx* ctx, int64_t id, ihp_str key, const ihp_sink* out) {
  return deliver(hostOf(ctx).linkedIssues(id, text(key)), out);
}
ihp_status usersByEmail(ihp_host_ctx* ctx, int64_t org, ihp_str email, int64_t project, const ihp_sink* out) {
  return deliver(hostOf(ctx).usersByEmail(org, text(email), project), out);
}
ihp_status issueAssign(ihp_host_ctx* ctx, int64_t org, int64_t issue, int64_t user, int64_t source) {
  return hostOf(ctx).issueAssign(org, issue, user, source);
}
ihp_status issueSetResolved(ihp_host_ctx* ctx, int64_t org, int64_t issue, int32_t resolved, int64_t source) {
  return hostOf(ctx).issueSetResolved(org, issue, resolved, source);
}
ihp_status activityWrite(ihp_host_ctx* ctx, int64_t org, int64_t issue, ihp_str type, ihp_str data) {
  return hostOf(ctx).activityWrite(org, issue, text(type), text(data));
}
ihp_status syncAssignee(ihp_host_ctx* ctx, const ihp_assignee_sync* sync, const ihp_sink* out) {
  AssigneeSyncCall call{sync->integration_id, text(sync->external_key), sync->assign != 0, optionalText(sync->email),
                        sync->event_time_ms, optionalText(sync->remote_user), optionalText(sync->remote_user_key)};
  return deliver(hostOf(ctx).syncAssigneeInbound(call), out);
}
ihp_status syncStatus(ihp_host_ctx* ctx, const ihp_status_sync* sync, const ihp_sink* out) {
  const uint64_t flags = IHP_HAS_MEMBER(ihp_status_sync, sync->struct_size, flags) ? sync->flags : 0;
  const int64_t eventTime = IHP_HAS_MEMBER(ihp_status_sync, sync->struct_size, event_time_ms) ? sync->event_time_ms : 0;
  StatusSyncCall call{
      sync->integration_id, sync->organization_id, text(sync->external_key), sync->action, flags, eventTime};
  return deliver(hostOf(ctx).syncStatusInbound(call), out);
}
ihp_status syncLogWrite(ihp_host_ctx* ctx, const ihp_sync_log_entry* entry) {
  SyncLogCall call{entry->organization_id, entry->integration_id, text(entry->external_key), entry->direction,
                   entry->outcome, text(entry->kind), text(entry->detail)};
  return hostOf(ctx).syncLogWrite(call);
}
ihp_status watermarkAdvance(ihp_host_ctx* ctx, int64_t org, int64_t id, ihp_str key, int32_t kind, int64_t time) {
  return hostOf(ctx).watermarkAdvance(org, id, text(key), kind, time);
}
ihp_status commentLinkExternal(ihp_host_ctx* ctx, int64_t org, int64_t comment, int64_t external, ihp_str remote) {
  return hostOf(ctx).commentLinkExternal(org, comment, external, text(remote));
}
ihp_status externalIssueMarkGone(ihp_host_ctx* ctx, int64_t org, int64_t external, ihp_str reason) {
  return hostOf(ctx).externalIssueMarkGone(org, external, text(reason));
}
ihp_status externalIssueRekey(ihp_host_ctx* ctx, int64_t id, ihp_str oldKey, ihp_str newKey) {
  return hostOf(ctx).externalIssueRekey(id, text(oldKey), text(newKey));
}
ihp_status jobEnqueue(ihp_host_ctx* ctx, const ihp_job_spec* job) {
  JobCall call{text(job->kind),        text(job->payload_json), optionalText(job->ordering_key),
               job->organization_id, job->integration_id,       job->delay_ms};
  return hostOf(ctx).enqueue(call);
}

void replyStatus(ihp_reply* reply, int32_t status) { replyOf(reply).status = status; }
void replyHeader(ihp_reply* reply, ihp_str name, ihp_str value) {
  replyOf(reply).headers.emplace_back(text(name), text(value));
}
void replyBody(ihp_reply* reply, const char* data, size_t len) { replyOf(reply).body.append(data, len); }
void replyError(ihp_reply* reply, ihp_str message) { replyOf(reply).error = text(message); }
void replyRetryAfter(ihp_reply* reply, int64_t delayMs) { replyOf(reply).retryAfterMs = delayMs; }
void replyPipelineState(ihp_reply* reply, ihp_str state) { replyOf(reply).pipelineState = text(state); }
void replyPipelineRef(ihp_reply* reply, ihp_str ref) { replyOf(reply).pipelineRef = text(ref); }

ihp_host_api buildTable(bool withRekey) {
  ihp_host_api api{};
  api.struct_size = sizeof api;
  api.abi_minor = IHP_ABI_MINOR;
  api.log = &log;
  api.counter_add = &counterAdd;
  api.now_ms = &nowMs;
  api.http_send = &httpSend;
  api.random_bytes = &randomBytes;
  api.hmac_sha256 = &hmacSha256;
  api.constant_time_equals = &constantTimeEquals;
  api.jwt_hs256_sign = &jwtSign;
  api.jwt_hs256_verify = &jwtVerify;
  api.jwt_peek_claims = &jwtPeek;
  api.private_key_check = &privateKeyCheck;
  api.oauth1_sign = &oauth1Sign;
  api.integration_find = &integrationFind;
  api.integration_get = &integrationGet;
  api.integration_merge_metadata = &integrationMergeMetadata;
  api.org_links_list = &orgLinks;
  api.credentials_get = &credentials;
  api.org_config_merge = &orgConfigMerge;
  api.linked_issues_find = &linkedIssues;
  api.users_find_by_email = &usersByEmail;
  api.issue_assign = &issueAssign;
  api.issue_set_resolved = &issueSetResolved;
  api.activity_write = &activityWrite;
  api.sync_assignee_inbound = &syncAssignee;
  api.sync_status_inbound = &syncStatus;
  api.sync_log_write = &syncLogWrite;
  api.watermark_advance = &watermarkAdvance;
  api.comment_link_external = &commentLinkExternal;
  api.external_issue_mark_gone = &externalIssueMarkGone;
  api.external_issue_rekey = withRekey ? &externalIssueRekey : nullptr;
  api.job_enqueue = &jobEnqueue;
  api.reply_status = &replyStatus;
  api.reply_header = &replyHeader;
  api.reply_body = &replyBody;
  api.reply_error = &replyError;
  api.reply_retry_after_ms = &replyRetryAfter;
  api.reply_pipeline_state = &replyPipelineState;
  api.reply_pipeline_ref = &replyPipelineRef;
  return api;
}

bool looksLikePrivateKey(const std::string& pem) {
  return pem.rfind("-----BEGIN ", 0) == 0 && pem.find("PRIVATE KEY-----") != std::string::npos &&
         pem.find("ENCRYPTED") == std::string::npos;
}

}  // namespace

const ihp_host_api* testHostApi(bool withRekey) {
  static const ihp_host_api full = buildTable(true);
  static const ihp_host_api withoutRekey = buildTable(false);
  return withRekey ? &full : &withoutRekey;
}

ihp_host_ctx* contextFor(MockHost& host) { return reinterpret_cast<ihp_host_ctx*>(&host); }
ihp_reply* replyHandle(CapturedReply& reply) { return reinterpret_cast<ihp_reply*>(&reply); }

double MockHost::counter(const std::string& key) const {
  auto it = counters.find(key);
  return it == counters.end() ? 0.0 : it->second;
}

bool MockHost::anyLogContains(const std::string& needle) const {
  for (const auto& line : logs) {
    if (line.message.find(needle) != std::string::npos) return true;
  }
  return false;
}

MockHost::MockHost() {
  ON_CALL(*this, httpSend(_)).WillByDefault(Invoke([this](const CapturedRequest& r) { return http.handle(r); }));
  ON_CALL(*this, randomBytes(_)).WillByDefault(Invoke([counter = 0](size_t n) mutable {
    ++counter;
    std::string bytes(n, '\0');
    for (size_t i = 0; i < n; ++i) bytes[i] = static_cast<char>((counter * 37 + static_cast<int>(i) * 11) & 0xFF);
    return ok(bytes);
  }));
  ON_CALL(*this, hmacSha256(_, _)).WillByDefault(Invoke([](const std::string& key, const std::string& data) {
    auto mac = fakeMac(key, data);
    return ok(std::string(reinterpret_cast<const char*>(mac.data()), mac.size()));
  }));
  ON_CALL(*this, constantTimeEquals(_, _)).WillByDefault(Invoke([](const std::string& a, const std::string& b) {
    return a == b;
  }));
  ON_CALL(*this, jwtSign(_, _)).WillByDefault(Invoke([](const std::string& claims, const std::string& secret) {
    return ok(makeHs256Jwt(claims, secret));
  }));
  ON_CALL(*this, jwtPeekClaims(_)).WillByDefault(Invoke([](const std::string& token) {
    auto claims = peekJwtClaims(token);
    return claims ? ok(*claims) : failed(IHP_E_INVALID);
  }));
  ON_CALL(*this, jwtVerify(_, _)).WillByDefault(Invoke([](const std::string& token, const std::string& secret) {
    std::string claims;
    switch (verifyJwt(token, secret, &claims)) {
      case JwtVerdict::Valid: return ok(claims);
      case JwtVerdict::Malformed: return failed(IHP_E_INVALID);
      case JwtVerdict::Rejected: break;
    }
    return failed(IHP_E_UNAUTHORIZED);
  }));
  ON_CALL(*this, privateKeyCheck(_)).WillByDefault(Invoke([](const std::string& pem) {
    return looksLikePrivateKey(pem) ? IHP_OK : IHP_E_INVALID;
  }));
  ON_CALL(*this, oauth1Sign(_)).WillByDefault(Invoke([this](const OAuthSignCall& call) {
    ++signatures;
    std::string header = "OAuth oauth_consumer_key=\"" + call.consumerKey + "\", oauth_nonce=\"nonce-" +
                         std::to_string(signatures) + "\", oauth_signature_method=\"RSA-SHA1\"";
    if (call.token) header += ", oauth_token=\"" + *call.token + "\"";
    if (call.verifier) header += ", oauth_verifier=\"" + *call.verifier + "\"";
    return ok(header + ", oauth_signature=\"sig\"");
  }));
  ON_CALL(*this, integrationFind(_)).WillByDefault(Return(failed(IHP_E_NOT_FOUND)));
  ON_CALL(*this, integrationGet(_)).WillByDefault(Return(failed(IHP_E_NOT_FOUND)));
  ON_CALL(*this, integrationMergeMetadata(_, _)).WillByDefault(Return(IHP_E_UNSUPPORTED));
  ON_CALL(*this, orgLinks(_)).WillByDefault(Return(ok("[]")));
  ON_CALL(*this, credentials(_, _)).WillByDefault(Return(failed(IHP_E_NOT_FOUND)));
  ON_CALL(*this, orgConfigMerge(_, _, _)).WillByDefault(Return(IHP_E_UNSUPPORTED));
  ON_CALL(*this, linkedIssues(_, _)).WillByDefault(Return(ok("[]")));
  ON_CALL(*this, usersByEmail(_, _, _)).WillByDefault(Return(ok("[]")));
  ON_CALL(*this, issueAssign(_, _, _, _)).WillByDefault(Return(IHP_E_UNSUPPORTED));
  ON_CALL(*this, issueSetResolved(_, _, _, _)).WillByDefault(Return(IHP_E_UNSUPPORTED));
  ON_CALL(*this, activityWrite(_, _, _, _)).WillByDefault(Return(IHP_E_UNSUPPORTED));
  ON_CALL(*this, syncAssigneeInbound(_))
      .WillByDefault(Return(ok(R"({"affected":1,"assigned":1,"unassigned":0,"unchanged":0,"stale":0,"userNotFound":0})")));
  ON_CALL(*this, syncStatusInbound(_)).WillByDefault(Return(ok(R"({"affected":1,"changed":1})")));
  ON_CALL(*this, syncLogWrite(_)).WillByDefault(Return(IHP_OK));
  ON_CALL(*this, watermarkAdvance(_, _, _, _, _)).WillByDefault(Return(IHP_OK));
  ON_CALL(*this, commentLinkExternal(_, _, _, _)).WillByDefault(Return(IHP_E_UNSUPPORTED));
  ON_CALL(*this, externalIssueMarkGone(_, _, _)).WillByDefault(Return(IHP_E_UNSUPPORTED));
  ON_CALL(*this, externalIssueRekey(_, _, _)).WillByDefault(Return(IHP_OK));
  ON_CALL(*this, enqueue(_)).WillByDefault(Return(IHP_OK));
}

}  // namespace ih::jira::testing
