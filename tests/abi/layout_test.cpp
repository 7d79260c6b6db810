// tests/abi/layout_test.cpp - pins the 1.4 layout of every ABI struct on
// LP64 (x86_64, aarch64): a member moved, resized or inserted anywhere but
// the end fails the build here, not at a plugin's run time. Tables may only
// grow at the end (rule 3), so a deliberate addition updates the sizeof line
// of its struct and nothing else; the IHP_<NAME>_SIZE_V1_0 minimums never
// change.
#include <gtest/gtest.h>

#include <cstddef>
#include <cstring>

#include "ihp/plugin_abi.h"

#if defined(__LP64__)
static_assert(sizeof(ihp_str) == 16);
static_assert(sizeof(ihp_header) == 32);
static_assert(sizeof(ihp_sink) == 24);
static_assert(sizeof(ihp_fingerprint) == 20);
static_assert(sizeof(ihp_http_request) == 88);  // 80 in 1.0 and 1.1
static_assert(sizeof(ihp_http_response_sink) == 48);  // 40 in 1.0
static_assert(IHP_HTTP_RESPONSE_SINK_SIZE_V1_0 == 40);
static_assert(sizeof(ihp_oauth1_request) == 104);
static_assert(sizeof(ihp_job_spec) == 80);
static_assert(sizeof(ihp_assignee_sync) == 96);  // 64 until 1.2
static_assert(sizeof(ihp_status_sync) == 64);    // 56 until 1.6
static_assert(sizeof(ihp_host_api) == 320);  // 304 until 1.2, 312 until 1.5
static_assert(sizeof(ihp_route) == 40);
static_assert(sizeof(ihp_request) == 128);  // 120 until 1.5
static_assert(sizeof(ihp_pipeline_call) == 80);
static_assert(sizeof(ihp_event) == 32);
static_assert(sizeof(ihp_job) == 56);
static_assert(sizeof(ihp_form_call) == 40);
static_assert(sizeof(ihp_config_call) == 56);
static_assert(sizeof(ihp_uninstall_call) == 56);
static_assert(sizeof(ihp_plugin_api) == 232);  // 224 until 1.2
static_assert(sizeof(ihp_sync_log_entry) == 80);
static_assert(sizeof(ihp_remote_users_call) == 40);
static_assert(sizeof(ihp_entry_args) == 64);
static_assert(offsetof(ihp_str, len) == 8);
static_assert(offsetof(ihp_fingerprint, byte_order) == 16);
static_assert(offsetof(ihp_http_request, timeout_ms) == 72);
static_assert(offsetof(ihp_http_request, verify_tls) == 76);
// The 1.2 member starts where the 1.1 struct ended, not in its tail padding:
// a 1.1 plugin's struct_size (80) must read as "does not have it".
static_assert(offsetof(ihp_http_request, tls_insecure_skip_verify) == 80);
static_assert(!IHP_HAS_MEMBER(ihp_http_request, 80, tls_insecure_skip_verify));
// The 1.3 members start past the 1.2 structs' sizeof (64, 304, 224), so an
// older peer's struct_size reads as "does not have them".
static_assert(offsetof(ihp_assignee_sync, remote_user) == 64);
static_assert(offsetof(ihp_assignee_sync, remote_user_key) == 80);
static_assert(!IHP_HAS_MEMBER(ihp_assignee_sync, 64, remote_user));
// The 1.4 member starts past the 1.3 struct's sizeof (48), not in its tail
// padding at 44.
static_assert(offsetof(ihp_status_sync, flags) == 48);
static_assert(!IHP_HAS_MEMBER(ihp_status_sync, 48, flags));
// Past the 1.5 struct's sizeof (56, no tail padding): a 1.5 plugin's struct never holds it.
static_assert(offsetof(ihp_status_sync, event_time_ms) == 56);
static_assert(!IHP_HAS_MEMBER(ihp_status_sync, 56, event_time_ms));
static_assert(offsetof(ihp_host_api, sync_log_write) == 304);
static_assert(offsetof(ihp_host_api, reply_defer) == 312);
static_assert(offsetof(ihp_plugin_api, remote_users_resolve) == 224);
static_assert(offsetof(ihp_job_spec, delay_ms) == 72);
static_assert(offsetof(ihp_host_api, log) == 8);
static_assert(offsetof(ihp_host_api, http_send) == 32);
static_assert(offsetof(ihp_host_api, oauth1_sign) == 96);
static_assert(offsetof(ihp_host_api, integration_find) == 104);
static_assert(offsetof(ihp_host_api, linked_issues_find) == 152);
static_assert(offsetof(ihp_host_api, job_enqueue) == 240);
static_assert(offsetof(ihp_host_api, reply_status) == 248);
static_assert(offsetof(ihp_host_api, reply_pipeline_ref) == 296);
static_assert(offsetof(ihp_plugin_api, fingerprint) == 4);
static_assert(offsetof(ihp_plugin_api, key) == 24);
static_assert(offsetof(ihp_plugin_api, routes) == 88);
static_assert(offsetof(ihp_plugin_api, pipeline_callback_param) == 120);
static_assert(offsetof(ihp_plugin_api, init) == 136);
static_assert(offsetof(ihp_plugin_api, handle_request) == 152);
static_assert(offsetof(ihp_plugin_api, uninstall) == 216);
static_assert(offsetof(ihp_entry_args, host_fingerprint) == 4);
static_assert(offsetof(ihp_entry_args, host_api) == 32);
static_assert(offsetof(ihp_entry_args, plugin_abi_major) == 40);
static_assert(offsetof(ihp_entry_args, negotiated_minor) == 48);
static_assert(offsetof(ihp_entry_args, plugin_api) == 56);
static_assert(offsetof(ihp_request, route_index) == 4);
static_assert(offsetof(ihp_request, body) == 88);
static_assert(offsetof(ihp_request, user_id) == 112);
// Past the 1.4 struct's sizeof (120, no tail padding): a 1.4 host's request reads as INLINE.
static_assert(offsetof(ihp_request, phase) == 120);
static_assert(offsetof(ihp_event, attempt) == 24);
static_assert(offsetof(ihp_uninstall_call, attempt) == 48);
static_assert(IHP_HOST_API_SIZE_V1_0 == 304);
static_assert(IHP_PLUGIN_API_SIZE_V1_0 == 224);
static_assert(IHP_SINK_SIZE_V1_0 == 24);
static_assert(IHP_HTTP_REQUEST_SIZE_V1_0 == 77);
static_assert(IHP_OAUTH1_REQUEST_SIZE_V1_0 == 104);
static_assert(IHP_JOB_SPEC_SIZE_V1_0 == 80);
static_assert(IHP_ASSIGNEE_SYNC_SIZE_V1_0 == 64);
static_assert(IHP_STATUS_SYNC_SIZE_V1_0 == 44);
static_assert(IHP_REQUEST_SIZE_V1_0 == 120);
static_assert(IHP_PIPELINE_CALL_SIZE_V1_0 == 80);
static_assert(IHP_EVENT_SIZE_V1_0 == 28);
static_assert(IHP_JOB_SIZE_V1_0 == 52);
static_assert(IHP_FORM_CALL_SIZE_V1_0 == 40);
static_assert(IHP_CONFIG_CALL_SIZE_V1_0 == 56);
static_assert(IHP_UNINSTALL_CALL_SIZE_V1_0 == 52);
static_assert(IHP_ENTRY_ARGS_SIZE_V1_0 == 64);
static_assert(IHP_SYNC_LOG_ENTRY_SIZE_V1_3 == 80);
static_assert(IHP_REMOTE_USERS_CALL_SIZE_V1_3 == 40);
#endif

namespace {

// Every extensible struct: struct_size first, and a 1.0 minimum that readers
// check (rule 3), never above the current size.
#define EXPECT_EXTENSIBLE(type, minimum)            \
  do {                                              \
    EXPECT_EQ(offsetof(type, struct_size), 0u);     \
    EXPECT_GT((minimum), sizeof(uint32_t)) << #type; \
    EXPECT_LE((minimum), sizeof(type)) << #type;    \
  } while (0)

TEST(AbiLayout, EveryExtensibleStructStartsWithItsSizeAndHasAMinimum) {
  EXPECT_EXTENSIBLE(ihp_sink, IHP_SINK_SIZE_V1_0);
  EXPECT_EXTENSIBLE(ihp_http_request, IHP_HTTP_REQUEST_SIZE_V1_0);
  EXPECT_EXTENSIBLE(ihp_http_response_sink, IHP_HTTP_RESPONSE_SINK_SIZE_V1_0);
  EXPECT_EXTENSIBLE(ihp_oauth1_request, IHP_OAUTH1_REQUEST_SIZE_V1_0);
  EXPECT_EXTENSIBLE(ihp_job_spec, IHP_JOB_SPEC_SIZE_V1_0);
  EXPECT_EXTENSIBLE(ihp_assignee_sync, IHP_ASSIGNEE_SYNC_SIZE_V1_0);
  EXPECT_EXTENSIBLE(ihp_status_sync, IHP_STATUS_SYNC_SIZE_V1_0);
  EXPECT_EXTENSIBLE(ihp_host_api, IHP_HOST_API_SIZE_V1_0);
  EXPECT_EXTENSIBLE(ihp_request, IHP_REQUEST_SIZE_V1_0);
  EXPECT_EXTENSIBLE(ihp_pipeline_call, IHP_PIPELINE_CALL_SIZE_V1_0);
  EXPECT_EXTENSIBLE(ihp_event, IHP_EVENT_SIZE_V1_0);
  EXPECT_EXTENSIBLE(ihp_job, IHP_JOB_SIZE_V1_0);
  EXPECT_EXTENSIBLE(ihp_form_call, IHP_FORM_CALL_SIZE_V1_0);
  EXPECT_EXTENSIBLE(ihp_config_call, IHP_CONFIG_CALL_SIZE_V1_0);
  EXPECT_EXTENSIBLE(ihp_uninstall_call, IHP_UNINSTALL_CALL_SIZE_V1_0);
  EXPECT_EXTENSIBLE(ihp_plugin_api, IHP_PLUGIN_API_SIZE_V1_0);
  EXPECT_EXTENSIBLE(ihp_entry_args, IHP_ENTRY_ARGS_SIZE_V1_0);
  EXPECT_EXTENSIBLE(ihp_sync_log_entry, IHP_SYNC_LOG_ENTRY_SIZE_V1_3);
  EXPECT_EXTENSIBLE(ihp_remote_users_call, IHP_REMOTE_USERS_CALL_SIZE_V1_3);
  // Frozen: compared whole, so its size is its only valid size.
  EXPECT_EQ(offsetof(ihp_fingerprint, struct_size), 0u);
}

TEST(AbiLayout, OneZeroSizesCoverTheLastOneZeroMember) {
  EXPECT_EQ(IHP_HOST_API_SIZE_V1_0, offsetof(ihp_host_api, reply_pipeline_ref) + sizeof(void*));
  EXPECT_EQ(IHP_PLUGIN_API_SIZE_V1_0, offsetof(ihp_plugin_api, uninstall) + sizeof(void*));
  EXPECT_EQ(IHP_HTTP_REQUEST_SIZE_V1_0, offsetof(ihp_http_request, verify_tls) + 1);
  EXPECT_EQ(IHP_ENTRY_ARGS_SIZE_V1_0, offsetof(ihp_entry_args, plugin_api) + sizeof(void*));
}

// The 1.2 rule: a zeroed request verifies; an older-sized one means what its
// verify_tls meant when it was compiled.
TEST(AbiLayout, TheTlsRuleFailsClosedForAZeroedRequest) {
  ihp_http_request request;
  std::memset(&request, 0, sizeof request);
  request.struct_size = sizeof request;
  EXPECT_TRUE(IHP_HTTP_REQUEST_VERIFIES_TLS(&request)) << "memset request";
  request.tls_insecure_skip_verify = 1;
  EXPECT_FALSE(IHP_HTTP_REQUEST_VERIFIES_TLS(&request));
  request.verify_tls = 1;
  EXPECT_FALSE(IHP_HTTP_REQUEST_VERIFIES_TLS(&request)) << "the new member alone decides";
  request.tls_insecure_skip_verify = 0;
  request.verify_tls = 0;
  EXPECT_TRUE(IHP_HTTP_REQUEST_VERIFIES_TLS(&request)) << "the new member alone decides";

  request.struct_size = offsetof(ihp_http_request, tls_insecure_skip_verify);  // a 1.1 plugin's sizeof
  request.tls_insecure_skip_verify = 1;  // beyond its struct: never read
  request.verify_tls = 1;
  EXPECT_TRUE(IHP_HTTP_REQUEST_VERIFIES_TLS(&request));
  request.verify_tls = 0;
  EXPECT_FALSE(IHP_HTTP_REQUEST_VERIFIES_TLS(&request)) << "as a 1.1 plugin was compiled";
}

}  // namespace
