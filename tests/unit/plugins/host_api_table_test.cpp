// Unit tests for the ihp_host_api table: argument validation (nothing a
// plugin passes is trusted, nothing throws into plugin code) and isolation
// (a plugin sees only its own provider's integrations, and organizations
// that enabled it and link one of them).
#include <gtest/gtest.h>

#include "auth/crypto.h"
#include "host_fixture.h"
#include "ihp/sdk/hex.hpp"
#include "ihp/sdk/strings.hpp"
#include "domain/sync_log.h"
#include "plugins/host_api_table.h"
#include "plugins/host_call_context.h"
#include "storage/query.h"

namespace ih::host::plugins {
namespace {

using ihp::sdk::str;
using ihp::sdk::StringSink;

constexpr ihp_str kBad{nullptr, 3};  // NULL pointer with a length: always invalid

class HostApiTable : public ::testing::Test {
 protected:
  HostApiTable() : uow(host.begin()), scope{*uow} {
    alpha.key = "alpha";
    beta.key = "beta";
    ctx = makeHostContext(alpha, host.services(), scope);
  }

  // A context for another plugin, sharing the unit of work.
  ihp_host_ctx contextFor(const PluginInfo& plugin) { return makeHostContext(plugin, host.services(), scope); }

  // An organization with plugin alpha enabled and its integration "ext-a"
  // linked, and an issue in it (committed).
  struct AlphaIssue {
    int64_t organizationId = 0;
    int64_t integrationId = 0;
    int64_t issueId = 0;
  };
  AlphaIssue alphaIssue() {
    AlphaIssue made;
    made.organizationId = host.createOrganization("acme");
    made.integrationId = host.installIntegration(made.organizationId, "alpha", "ext-a");
    host.enablePlugin(made.organizationId, "alpha");
    host.inTransaction([&](storage::UnitOfWork& work) {
      const auto project = host.directory().createProject(work, made.organizationId, "api", {});
      made.issueId =
          host.issues()
              .create(work, made.organizationId, project.id, "Broken", domain::ChangeSource::user(std::nullopt))
              .id;
    });
    return made;
  }
  // alphaIssue(), linked to the ticket OPS-1.
  AlphaIssue alphaIssueLinkedToOps1() {
    const AlphaIssue made = alphaIssue();
    host.inTransaction([&](storage::UnitOfWork& work) {
      host.integrations().linkExternalIssue(work, made.organizationId, made.integrationId, made.issueId, "OPS-1", "T",
                                            "", "");
    });
    return made;
  }
  // A sync that resolves the issues of OPS-1 in `linked`'s organization.
  static ihp_status_sync resolveOps1(const AlphaIssue& linked, uint64_t flags) {
    ihp_status_sync sync{};
    sync.struct_size = sizeof sync;
    sync.integration_id = linked.integrationId;
    sync.organization_id = linked.organizationId;
    sync.external_key = ihp::sdk::str("OPS-1");
    sync.action = IHP_STATUS_ACTION_RESOLVE;
    sync.flags = flags;
    return sync;
  }

  const ihp_host_api& api = hostApiTable();
  test::HostFixture host;
  std::unique_ptr<storage::UnitOfWork> uow;
  CallScope scope;
  PluginInfo alpha, beta;
  ihp_host_ctx ctx;
};

TEST_F(HostApiTable, TableIsComplete) {
  EXPECT_EQ(api.struct_size, sizeof(ihp_host_api));
  EXPECT_GE(api.struct_size, IHP_HOST_API_SIZE_V1_0);
  EXPECT_EQ(api.abi_minor, static_cast<uint32_t>(IHP_ABI_MINOR));
  // Every slot of the 1.0 table is filled.
  const auto* slots = reinterpret_cast<const void* const*>(reinterpret_cast<const char*>(&api) + offsetof(ihp_host_api, log));
  const size_t count = (IHP_HOST_API_SIZE_V1_0 - offsetof(ihp_host_api, log)) / sizeof(void*);
  for (size_t i = 0; i < count; ++i) EXPECT_NE(slots[i], nullptr) << "slot " << i;
}

TEST_F(HostApiTable, MalformedStringsAreInvalid) {
  uint8_t mac[32];
  EXPECT_EQ(api.hmac_sha256(&ctx, kBad, str("data"), mac), IHP_E_INVALID);
  EXPECT_EQ(api.hmac_sha256(&ctx, str("key"), kBad, mac), IHP_E_INVALID);
  EXPECT_EQ(api.constant_time_equals(&ctx, kBad, kBad), 0);
  StringSink sink;
  EXPECT_EQ(api.jwt_peek_claims(&ctx, kBad, sink.get()), IHP_E_INVALID);
  EXPECT_EQ(api.integration_find(&ctx, kBad, sink.get()), IHP_E_INVALID);
  api.log(&ctx, IHP_LOG_INFO, kBad);  // void services must not crash either
  api.counter_add(&ctx, kBad, ihp::sdk::absent(), ihp::sdk::absent(), 1);
}

TEST_F(HostApiTable, NullContextAndPointersAreInvalid) {
  uint8_t mac[32];
  EXPECT_EQ(api.hmac_sha256(&ctx, str("k"), str("d"), nullptr), IHP_E_INVALID);
  EXPECT_EQ(api.random_bytes(&ctx, nullptr, 4), IHP_E_INVALID);
  EXPECT_EQ(api.integration_get(nullptr, 1, StringSink().get()), IHP_E_INVALID);
  EXPECT_EQ(api.job_enqueue(&ctx, nullptr), IHP_E_INVALID);
  EXPECT_EQ(api.hmac_sha256(nullptr, str("k"), str("d"), mac), IHP_OK);  // needs no context
  api.log(nullptr, IHP_LOG_INFO, str("no ctx"));
  EXPECT_GT(api.now_ms(nullptr), 0);
}

// Against each struct's 1.0 minimum (IHP_<NAME>_SIZE_V1_0), never sizeof: a
// plugin built for an older, smaller layout is still served.
TEST_F(HostApiTable, StructSizesAreChecked) {
  ihp_http_request request{};
  request.struct_size = IHP_HTTP_REQUEST_SIZE_V1_0 - 1;
  request.method = str("GET");
  request.url = str("http://127.0.0.1:1/");  // nothing listens on port 1
  ihp_http_response_sink response{sizeof(ihp_http_response_sink), nullptr, [](void*, int32_t) {},
                                  [](void*, ihp_str, ihp_str) {}, [](void*, const char*, size_t) {}, nullptr};
  EXPECT_EQ(api.http_send(&ctx, &request, &response), IHP_E_INVALID);
  request.struct_size = offsetof(ihp_http_request, tls_insecure_skip_verify);  // a 1.1 plugin's sizeof
  EXPECT_EQ(api.http_send(&ctx, &request, &response), IHP_E_UNREACHABLE) << "sent";
  request.struct_size = sizeof(ihp_http_request);
  response.on_status = nullptr;
  EXPECT_EQ(api.http_send(&ctx, &request, &response), IHP_E_INVALID);  // a NULL callback

  ihp_oauth1_request oauth{};
  oauth.struct_size = IHP_OAUTH1_REQUEST_SIZE_V1_0 - 1;
  ihp_sink out{sizeof(ihp_sink), nullptr, [](void*, const char*, size_t) {}};
  EXPECT_EQ(api.oauth1_sign(&ctx, &oauth, &out), IHP_E_INVALID);

  ihp_status_sync status{};
  status.struct_size = IHP_STATUS_SYNC_SIZE_V1_0 - 1;
  status.action = IHP_STATUS_ACTION_RESOLVE;
  EXPECT_EQ(api.sync_status_inbound(&ctx, &status, &out), IHP_E_INVALID);

  ihp_sink small{};
  small.struct_size = 4;
  EXPECT_EQ(api.jwt_hs256_sign(&ctx, str("{}"), str("s"), &small), IHP_E_INVALID);

  ihp_job_spec job{};
  job.struct_size = 8;
  job.kind = str("k");
  EXPECT_EQ(api.job_enqueue(&ctx, &job), IHP_E_INVALID);
}

// ABI 1.1: a sink with on_transport_error hears why an exchange failed; a
// 1.0-sized sink is still accepted and simply not told.
TEST_F(HostApiTable, TransportFailuresReportTheirCauseToSinksThatAsk) {
  ihp_http_request request{};
  request.struct_size = sizeof request;
  request.method = str("GET");
  request.url = str("http://127.0.0.1:1/");  // nothing listens on port 1
  struct Heard {
    std::string cause;
    int calls = 0;
  } heard;
  ihp_http_response_sink sink{sizeof sink, &heard, [](void*, int32_t) {}, [](void*, ihp_str, ihp_str) {},
                              [](void*, const char*, size_t) {}, [](void* self, ihp_str cause) {
                                auto* h = static_cast<Heard*>(self);
                                h->cause.assign(cause.ptr, cause.len);
                                ++h->calls;
                              }};
  EXPECT_EQ(api.http_send(&ctx, &request, &sink), IHP_E_UNREACHABLE);
  EXPECT_EQ(heard.calls, 1);
  EXPECT_NE(heard.cause.find("refused"), std::string::npos) << heard.cause;

  heard = {};
  sink.struct_size = IHP_HTTP_RESPONSE_SINK_SIZE_V1_0;
  EXPECT_EQ(api.http_send(&ctx, &request, &sink), IHP_E_UNREACHABLE);
  EXPECT_EQ(heard.calls, 0) << "a 1.0 sink has no such member";
  // A size that ends inside the callback: half a pointer is no callback.
  sink.struct_size = offsetof(ihp_http_response_sink, on_transport_error) + sizeof(void*) / 2;
  EXPECT_EQ(api.http_send(&ctx, &request, &sink), IHP_E_UNREACHABLE);
  EXPECT_EQ(heard.calls, 0);
  sink.struct_size = IHP_HTTP_RESPONSE_SINK_SIZE_V1_0 - 1;
  EXPECT_EQ(api.http_send(&ctx, &request, &sink), IHP_E_INVALID);
}

TEST_F(HostApiTable, CryptoServices) {
  uint8_t mac[32];
  ASSERT_EQ(api.hmac_sha256(&ctx, str("It's a Secret to Everybody"), str("Hello, World!"), mac), IHP_OK);
  EXPECT_EQ(ihp::sdk::hex::encode(mac, 32),
            "757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17");
  EXPECT_EQ(api.constant_time_equals(&ctx, str("abc"), str("abc")), 1);
  EXPECT_EQ(api.constant_time_equals(&ctx, str("abc"), str("abd")), 0);

  StringSink token;
  ASSERT_EQ(api.jwt_hs256_sign(&ctx, str(R"({"sub":"1"})"), str("secret"), token.get()), IHP_OK);
  StringSink claims;
  ASSERT_EQ(api.jwt_hs256_verify(&ctx, str(token.value()), str("secret"), claims.get()), IHP_OK);
  EXPECT_EQ(claims.value(), R"({"sub":"1"})");
  EXPECT_EQ(api.jwt_hs256_verify(&ctx, str(token.value()), str("other"), StringSink().get()), IHP_E_UNAUTHORIZED);
  EXPECT_EQ(api.jwt_hs256_verify(&ctx, str("garbage"), str("secret"), StringSink().get()), IHP_E_INVALID);
  EXPECT_EQ(api.jwt_hs256_sign(&ctx, str("not json"), str("secret"), StringSink().get()), IHP_E_INVALID);
  EXPECT_EQ(api.private_key_check(&ctx, str("not a key")), IHP_E_INVALID);
}

TEST_F(HostApiTable, ClockAndMetrics) {
  EXPECT_EQ(api.now_ms(&ctx), test::HostFixture::kStartMs);
  host.manualClock()->advance(5);
  EXPECT_EQ(api.now_ms(&ctx), test::HostFixture::kStartMs + 5);
  api.counter_add(&ctx, str("widgets"), ihp::sdk::absent(), ihp::sdk::absent(), 2);
  api.counter_add(&ctx, str("widgets"), str("kind"), str("blue"), 1);
  api.counter_add(&ctx, str("bad name!"), ihp::sdk::absent(), ihp::sdk::absent(), 1);
  api.counter_add(&ctx, str("widgets"), ihp::sdk::absent(), ihp::sdk::absent(), -1);
  EXPECT_EQ(host.metrics().value("ihp_alpha_widgets"), 2);
  EXPECT_EQ(host.metrics().value("ihp_alpha_widgets", {{"kind", "blue"}}), 1);
}

TEST_F(HostApiTable, ReplyBuilder) {
  ihp_reply reply;
  api.reply_status(&reply, 201);
  api.reply_status(&reply, 42);  // out of range: ignored
  api.reply_header(&reply, str("Content-Type"), str("application/json"));
  api.reply_body(&reply, "{\"a\":", 5);
  api.reply_body(&reply, "1}", 2);
  api.reply_body(&reply, nullptr, 3);  // invalid: ignored
  api.reply_error(&reply, str("why"));
  api.reply_retry_after_ms(&reply, 1500);
  api.reply_pipeline_state(&reply, str("{}"));
  api.reply_pipeline_ref(&reply, str("ref"));
  api.reply_status(nullptr, 200);  // must not crash
  EXPECT_EQ(reply.result.httpStatus, 201);
  ASSERT_EQ(reply.result.headers.size(), 1u);
  EXPECT_EQ(reply.result.body, R"({"a":1})");
  EXPECT_EQ(reply.result.error.value_or(""), "why");
  EXPECT_EQ(reply.result.retryAfterMs.value_or(0), 1500);
  EXPECT_EQ(reply.result.pipelineRef.value_or(""), "ref");
}

TEST_F(HostApiTable, PluginSeesOnlyItsOwnIntegrations) {
  int64_t org = host.createOrganization("acme");
  int64_t mine = host.installIntegration(org, "alpha", "ext-a", R"({"token":"a"})");
  int64_t theirs = host.installIntegration(org, "beta", "ext-b", R"({"token":"b"})");

  StringSink own;
  ASSERT_EQ(api.integration_get(&ctx, mine, own.get()), IHP_OK);
  EXPECT_NE(own.value().find("\"provider\":\"alpha\""), std::string::npos) << own.value();
  EXPECT_NE(own.value().find("\"externalId\":\"ext-a\""), std::string::npos);
  EXPECT_EQ(api.integration_get(&ctx, theirs, StringSink().get()), IHP_E_NOT_FOUND);
  EXPECT_EQ(api.integration_find(&ctx, str("ext-b"), StringSink().get()), IHP_E_NOT_FOUND);
  EXPECT_EQ(api.integration_find(&ctx, str("ext-a"), StringSink().get()), IHP_OK);
  EXPECT_EQ(api.org_links_list(&ctx, theirs, StringSink().get()), IHP_E_NOT_FOUND);
  EXPECT_EQ(api.credentials_get(&ctx, theirs, 0, StringSink().get()), IHP_E_NOT_FOUND);
  StringSink credentials;
  ASSERT_EQ(api.credentials_get(&ctx, mine, 0, credentials.get()), IHP_OK);
  EXPECT_EQ(credentials.value(), R"({"token":"a"})");
  EXPECT_EQ(api.integration_merge_metadata(&ctx, theirs, str(R"({"x":1})")), IHP_E_NOT_FOUND);
  EXPECT_EQ(api.integration_merge_metadata(&ctx, mine, str("[1]")), IHP_E_INVALID);
}

TEST_F(HostApiTable, OrganizationMustEnableThePluginAndLinkItsIntegration) {
  int64_t org = host.createOrganization("acme");
  int64_t other = host.createOrganization("other");
  int64_t mine = host.installIntegration(org, "alpha", "ext-a");
  host.installIntegration(other, "beta", "ext-b");
  host.enablePlugin(other, "alpha");

  // Disabled in "acme".
  EXPECT_EQ(api.org_config_merge(&ctx, org, mine, str(R"({"a":1})")), IHP_E_FORBIDDEN);
  EXPECT_EQ(api.users_find_by_email(&ctx, org, str("x@example.com"), 0, StringSink().get()), IHP_E_FORBIDDEN);
  // Enabled in "other", which links no alpha integration.
  EXPECT_EQ(api.users_find_by_email(&ctx, other, str("x@example.com"), 0, StringSink().get()), IHP_E_FORBIDDEN);
  EXPECT_EQ(api.org_config_merge(&ctx, other, mine, str(R"({"a":1})")), IHP_E_FORBIDDEN);

  host.enablePlugin(org, "alpha");
  EXPECT_EQ(api.org_config_merge(&ctx, org, mine, str(R"({"a":1})")), IHP_OK);
  StringSink users;
  EXPECT_EQ(api.users_find_by_email(&ctx, org, str("x@example.com"), 0, users.get()), IHP_OK);
  EXPECT_EQ(users.value(), "[]");
}

TEST_F(HostApiTable, SourceIntegrationMustBeThePlugins) {
  int64_t org = host.createOrganization("acme");
  host.installIntegration(org, "alpha", "ext-a");
  int64_t theirs = host.installIntegration(org, "beta", "ext-b");
  host.enablePlugin(org, "alpha");
  EXPECT_EQ(api.issue_assign(&ctx, org, 1, 0, theirs), IHP_E_FORBIDDEN);
  EXPECT_EQ(api.issue_set_resolved(&ctx, org, 1, 1, theirs), IHP_E_FORBIDDEN);
}

// Only 0 unassigns: a negative id (a plugin's failed lookup) is refused, not
// read as "unassign" (which, on this unassigned issue, would be a conflict).
TEST_F(HostApiTable, ANegativeAssigneeIsInvalid) {
  const AlphaIssue made = alphaIssue();
  EXPECT_EQ(api.issue_assign(&ctx, made.organizationId, made.issueId, -1, made.integrationId), IHP_E_INVALID);
  EXPECT_EQ(api.issue_assign(&ctx, made.organizationId, made.issueId, 0, made.integrationId), IHP_E_CONFLICT);
}

TEST_F(HostApiTable, ExternalIssuesOfAnotherPluginAreOutOfReach) {
  int64_t org = host.createOrganization("acme");
  host.installIntegration(org, "alpha", "ext-a");
  int64_t theirs = host.installIntegration(org, "beta", "ext-b");
  host.enablePlugin(org, "alpha");
  host.enablePlugin(org, "beta");
  int64_t externalIssueId = 0;
  host.inTransaction([&](storage::UnitOfWork& work) {
    const auto project = host.directory().createProject(work, org, "api", {});
    const auto issue = host.issues().create(work, org, project.id, "Broken", domain::ChangeSource::user(std::nullopt));
    externalIssueId = host.integrations().linkExternalIssue(work, org, theirs, issue.id, "OPS-1", "T", "", "").id;
  });

  ihp_host_ctx betaCtx = contextFor(beta);
  // Another plugin's records are invisible, exactly like missing ones.
  EXPECT_EQ(api.external_issue_mark_gone(&ctx, org, externalIssueId, str("404")), IHP_E_NOT_FOUND);
  EXPECT_EQ(api.comment_link_external(&ctx, org, 1, externalIssueId, str("10001")), IHP_E_NOT_FOUND);
  EXPECT_EQ(api.external_issue_mark_gone(&ctx, org, externalIssueId + 100, str("404")), IHP_E_NOT_FOUND);
  EXPECT_EQ(api.external_issue_mark_gone(&betaCtx, org, externalIssueId, str("404")), IHP_OK);
}

// watermark_advance answers CONFLICT while the organization still has the
// host's own change of that kind to write to the ticket, except to the job
// that writes it (which advances the mark after its write).
TEST_F(HostApiTable, WatermarkWaitsForTheHostsOwnChangeExceptInTheJobWritingIt) {
  int64_t org = host.createOrganization("acme");
  int64_t mine = host.installIntegration(org, "alpha", "ext-a");
  host.enablePlugin(org, "alpha");
  host.inTransaction([&](storage::UnitOfWork& work) {
    host.integrations().replaceConfig(work, org, mine, R"({"sync_status_forward":{"10000":{"on_resolve":"3"}}})");
    const auto project = host.directory().createProject(work, org, "api", {});
    const auto issue = host.issues().create(work, org, project.id, "Broken", domain::ChangeSource::user(std::nullopt));
    host.integrations().linkExternalIssue(work, org, mine, issue.id, "OPS-1", "T", "", "");
    host.issues().setStatus(work, org, issue.id, storage::IssueStatus::Resolved, domain::ChangeSource::user(std::nullopt));
  });
  const auto jobs = host.jobs().list({});
  ASSERT_EQ(jobs.size(), 1u);

  EXPECT_EQ(api.watermark_advance(&ctx, org, mine, str("OPS-1"), IHP_WATERMARK_STATUS, 100), IHP_E_CONFLICT);
  EXPECT_EQ(api.watermark_advance(&ctx, org, mine, str("OPS-1"), IHP_WATERMARK_ASSIGNEE, 100), IHP_OK)
      << "only a pending change of the same kind holds the mark";
  CallScope jobScope{*uow, org, 0, jobs[0].id};
  ihp_host_ctx jobCtx = makeHostContext(alpha, host.services(), jobScope);
  EXPECT_EQ(api.watermark_advance(&jobCtx, org, mine, str("OPS-1"), IHP_WATERMARK_STATUS, 100), IHP_OK);
  EXPECT_EQ(api.watermark_advance(&jobCtx, org, mine, str("OPS-1"), IHP_WATERMARK_STATUS, 100), IHP_E_CONFLICT);
}

// ABI 1.4: with IHP_STATUS_SYNC_UNLESS_QUEUED a status changes nothing while
// a job of the ticket other than the caller is unfinished (IHP_E_CONFLICT);
// that job's own call and a 1.3-sized struct are served; an unknown bit is
// invalid.
TEST_F(HostApiTable, AStatusSyncUnlessQueuedWaitsForTheTicketsJobs) {
  const AlphaIssue linked = alphaIssueLinkedToOps1();
  const int64_t org = linked.organizationId, mine = linked.integrationId;
  ihp_job_spec queued{};
  queued.struct_size = sizeof queued;
  queued.kind = str("status_inbound");
  const std::string key = "external-issue:" + std::to_string(mine) + ":OPS-1";
  queued.ordering_key = str(key);
  ASSERT_EQ(api.job_enqueue(&ctx, &queued), IHP_OK);

  ihp_status_sync sync = resolveOps1(linked, IHP_STATUS_SYNC_UNLESS_QUEUED);
  StringSink out;
  EXPECT_EQ(api.sync_status_inbound(&ctx, &sync, out.get()), IHP_E_CONFLICT);
  EXPECT_EQ(out.value(), "") << "nothing written";

  sync.flags = 4;
  EXPECT_EQ(api.sync_status_inbound(&ctx, &sync, out.get()), IHP_E_INVALID);

  sync.flags = IHP_STATUS_SYNC_UNLESS_QUEUED;
  sync.struct_size = offsetof(ihp_status_sync, flags);  // a 1.3 plugin's sizeof: no flags
  ASSERT_EQ(api.sync_status_inbound(&ctx, &sync, out.get()), IHP_OK);
  EXPECT_NE(out.value().find(R"("changed":1)"), std::string::npos) << out.value();

  sync.struct_size = sizeof sync;
  sync.action = IHP_STATUS_ACTION_UNRESOLVE;
  const int64_t queuedId = storage::Query(*uow, "SELECT id FROM jobs WHERE kind = 'status_inbound'").scalarInt64();
  CallScope otherJob{*uow, org, 0, queuedId + 100};
  ihp_host_ctx otherCtx = makeHostContext(alpha, host.services(), otherJob);
  EXPECT_EQ(api.sync_status_inbound(&otherCtx, &sync, StringSink().get()), IHP_E_CONFLICT)
      << "a job of another key waits like a webhook";
  CallScope queuedJob{*uow, org, 0, queuedId};
  ihp_host_ctx queuedCtx = makeHostContext(alpha, host.services(), queuedJob);
  EXPECT_EQ(api.sync_status_inbound(&queuedCtx, &sync, StringSink().get()), IHP_OK) << "the ticket's own job runs";
}

// ABI 1.6: with IHP_STATUS_SYNC_UNLESS_SUPERSEDED a status applies while the
// ticket's status mark is at or before its event time (the event that queued
// it moved the mark there) and is left alone once a newer status was seen;
// the bit needs the time, and a 1.5-sized struct cannot carry it.
TEST_F(HostApiTable, AStatusSyncUnlessSupersededGivesWayToANewerStatus) {
  const AlphaIssue linked = alphaIssueLinkedToOps1();
  const int64_t org = linked.organizationId, mine = linked.integrationId;
  const auto status = [&] { return host.issues().find(*uow, org, linked.issueId)->status; };
  ASSERT_EQ(api.watermark_advance(&ctx, org, mine, str("OPS-1"), IHP_WATERMARK_STATUS, 1000), IHP_OK);

  ihp_status_sync sync = resolveOps1(linked, IHP_STATUS_SYNC_UNLESS_SUPERSEDED);
  sync.event_time_ms = 1000;
  StringSink applied;
  ASSERT_EQ(api.sync_status_inbound(&ctx, &sync, applied.get()), IHP_OK);
  EXPECT_EQ(applied.value(), R"({"affected":1,"changed":1,"stale":0})");
  EXPECT_EQ(status(), storage::IssueStatus::Resolved) << "the mark is the change's own";

  // A newer status was seen; the older change, run late, is left alone.
  ASSERT_EQ(api.watermark_advance(&ctx, org, mine, str("OPS-1"), IHP_WATERMARK_STATUS, 2000), IHP_OK);
  sync.action = IHP_STATUS_ACTION_UNRESOLVE;
  StringSink heldBack;
  ASSERT_EQ(api.sync_status_inbound(&ctx, &sync, heldBack.get()), IHP_OK);
  EXPECT_EQ(heldBack.value(), R"({"affected":1,"changed":0,"stale":1})");
  EXPECT_EQ(status(), storage::IssueStatus::Resolved);

  sync.event_time_ms = 0;
  EXPECT_EQ(api.sync_status_inbound(&ctx, &sync, StringSink().get()), IHP_E_INVALID) << "the bit needs a time";
  sync.event_time_ms = 2000;
  sync.struct_size = offsetof(ihp_status_sync, event_time_ms);  // a 1.5 plugin's sizeof: the time reads as 0
  EXPECT_EQ(api.sync_status_inbound(&ctx, &sync, StringSink().get()), IHP_E_INVALID);
  EXPECT_EQ(status(), storage::IssueStatus::Resolved);

  sync.struct_size = sizeof sync;  // the newest status itself applies
  ASSERT_EQ(api.sync_status_inbound(&ctx, &sync, StringSink().get()), IHP_OK);
  EXPECT_EQ(status(), storage::IssueStatus::Unresolved);
}

TEST_F(HostApiTable, JobEnqueueJoinsTheUnitOfWork) {
  ihp_job_spec job{};
  job.struct_size = sizeof job;
  job.kind = str("ihp.event");
  EXPECT_EQ(api.job_enqueue(&ctx, &job), IHP_E_INVALID);  // reserved
  job.kind = str("status_inbound");
  job.payload_json = str(R"({"k":"v"})");
  job.ordering_key = str("issue:1");
  ASSERT_EQ(api.job_enqueue(&ctx, &job), IHP_OK);
  uow->commit();
  auto jobs = host.jobs().list({});
  ASSERT_EQ(jobs.size(), 1u);
  EXPECT_EQ(jobs[0].pluginKey, "alpha");
  EXPECT_EQ(jobs[0].kind, "status_inbound");
  EXPECT_EQ(jobs[0].payloadJson, R"({"k":"v"})");
}

TEST_F(HostApiTable, RolledBackHookEnqueuesNothing) {
  ihp_job_spec job{};
  job.struct_size = sizeof job;
  job.kind = str("later");
  ASSERT_EQ(api.job_enqueue(&ctx, &job), IHP_OK);
  uow->rollback();
  EXPECT_TRUE(host.jobs().list({}).empty());
}

}  // namespace
}  // namespace ih::host::plugins

namespace ih::host::plugins {
namespace {

// sync_log_write (ABI 1.3): a line lands on every linked issue of the
// ticket, in the hook's unit of work; a shape the log cannot show, another
// plugin's integration or a ticket nobody links changes nothing.
TEST_F(HostApiTable, SyncLogWriteChecksTheLineAndWritesItToTheLinkedIssue) {
  EXPECT_TRUE(IHP_HOST_HAS(&api, sync_log_write));
  const AlphaIssue made = alphaIssue();
  const int64_t org = made.organizationId;
  const int64_t mine = made.integrationId;
  const int64_t issueId = made.issueId;
  host.inTransaction([&](storage::UnitOfWork& work) {
    host.integrations().linkExternalIssue(work, org, mine, issueId, "OPS-1", "T", "", "");
  });
  ihp_sync_log_entry entry{};
  entry.struct_size = sizeof entry;
  entry.organization_id = org;
  entry.integration_id = mine;
  entry.external_key = str("OPS-1");
  entry.direction = IHP_SYNC_OUTBOUND;
  entry.outcome = IHP_SYNC_SKIPPED;
  entry.kind = str("status");
  entry.detail = str("no status mapping for project 10000");

  auto bad = entry;
  bad.outcome = 9;
  EXPECT_EQ(api.sync_log_write(&ctx, &bad), IHP_E_INVALID);
  bad = entry;
  bad.kind = str("weather");
  EXPECT_EQ(api.sync_log_write(&ctx, &bad), IHP_E_INVALID);
  bad = entry;
  const std::string essay(1001, 'x');
  bad.detail = str(essay);
  EXPECT_EQ(api.sync_log_write(&ctx, &bad), IHP_E_INVALID);
  bad = entry;
  bad.struct_size = IHP_SYNC_LOG_ENTRY_SIZE_V1_3 - 1;
  EXPECT_EQ(api.sync_log_write(&ctx, &bad), IHP_E_INVALID);
  bad = entry;
  bad.external_key = str("OPS-404");
  EXPECT_EQ(api.sync_log_write(&ctx, &bad), IHP_E_NOT_FOUND);
  ihp_host_ctx other = contextFor(beta);
  EXPECT_EQ(api.sync_log_write(&other, &entry), IHP_E_NOT_FOUND);

  ASSERT_EQ(api.sync_log_write(&ctx, &entry), IHP_OK);
  entry.organization_id = 0;  // every organization linking the ticket
  ASSERT_EQ(api.sync_log_write(&ctx, &entry), IHP_OK);
  const auto lines = domain::SyncLog(host.clock()).list(*uow, org, issueId, 10);
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[0].detail, "skipped: no status mapping for project 10000");
  EXPECT_EQ(lines[0].direction, "outbound");
  EXPECT_EQ(lines[0].kind, "status");
  EXPECT_EQ(lines[0].externalKey, "OPS-1");
}

// organization_id 0 reaches every organization linking the ticket, but only
// those that enabled the plugin: a disabled plugin writes nothing there
// (globex links the same ticket, and has not enabled it).
TEST_F(HostApiTable, ALineForEveryOrganizationSkipsThoseWithoutThePlugin) {
  const AlphaIssue acme = alphaIssue();
  const int64_t globex = host.createOrganization("globex");
  ASSERT_EQ(host.installIntegration(globex, "alpha", "ext-a"), acme.integrationId);
  int64_t globexIssue = 0;
  host.inTransaction([&](storage::UnitOfWork& work) {
    host.integrations().linkExternalIssue(work, acme.organizationId, acme.integrationId, acme.issueId, "OPS-1", "T", "",
                                          "");
    const auto project = host.directory().createProject(work, globex, "web", {});
    globexIssue = host.issues().create(work, globex, project.id, "Same", domain::ChangeSource::user(std::nullopt)).id;
    host.integrations().linkExternalIssue(work, globex, acme.integrationId, globexIssue, "OPS-1", "T", "", "");
  });
  ihp_sync_log_entry entry{};
  entry.struct_size = sizeof entry;
  entry.integration_id = acme.integrationId;
  entry.external_key = str("OPS-1");
  entry.direction = IHP_SYNC_INBOUND;
  entry.outcome = IHP_SYNC_SKIPPED;
  entry.kind = str("assignee");
  entry.detail = str("Jira sent an assignee without email, name or key");
  const auto linesOf = [&](int64_t organizationId, int64_t issueId) {
    return domain::SyncLog(host.clock()).list(*uow, organizationId, issueId, 10).size();
  };

  ASSERT_EQ(api.sync_log_write(&ctx, &entry), IHP_OK);
  EXPECT_EQ(linesOf(acme.organizationId, acme.issueId), 1u);
  EXPECT_EQ(linesOf(globex, globexIssue), 0u);
}

}  // namespace
}  // namespace ih::host::plugins
