// tests/abi/layout_test.cpp - pins the 1.1 layout of every ABI struct on
// LP64 (x86_64, aarch64): a member moved, resized or inserted anywhere but
// the end fails the build here, not at a plugin's run time. Tables may only
// grow at the end (rule 3), so a deliberate addition updates the sizeof line
// of its struct and nothing else.
#include <gtest/gtest.h>

#include <cstddef>

#include "ihp/plugin_abi.h"

#if defined(__LP64__)
static_assert(sizeof(ihp_str) == 16);
static_assert(sizeof(ihp_header) == 32);
static_assert(sizeof(ihp_sink) == 24);
static_assert(sizeof(ihp_fingerprint) == 20);
static_assert(sizeof(ihp_http_request) == 80);
static_assert(sizeof(ihp_http_response_sink) == 48);  // 40 in 1.0
static_assert(IHP_HTTP_RESPONSE_SINK_SIZE_V1_0 == 40);
static_assert(sizeof(ihp_oauth1_request) == 104);
static_assert(sizeof(ihp_job_spec) == 80);
static_assert(sizeof(ihp_assignee_sync) == 64);
static_assert(sizeof(ihp_status_sync) == 48);
static_assert(sizeof(ihp_host_api) == 304);
static_assert(sizeof(ihp_route) == 40);
static_assert(sizeof(ihp_request) == 120);
static_assert(sizeof(ihp_pipeline_call) == 80);
static_assert(sizeof(ihp_event) == 32);
static_assert(sizeof(ihp_job) == 56);
static_assert(sizeof(ihp_form_call) == 40);
static_assert(sizeof(ihp_config_call) == 56);
static_assert(sizeof(ihp_uninstall_call) == 56);
static_assert(sizeof(ihp_plugin_api) == 224);
static_assert(sizeof(ihp_entry_args) == 64);
static_assert(offsetof(ihp_str, len) == 8);
static_assert(offsetof(ihp_fingerprint, byte_order) == 16);
static_assert(offsetof(ihp_http_request, timeout_ms) == 72);
static_assert(offsetof(ihp_http_request, verify_tls) == 76);
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
static_assert(offsetof(ihp_event, attempt) == 24);
static_assert(offsetof(ihp_uninstall_call, attempt) == 48);
static_assert(IHP_HOST_API_SIZE_V1_0 == 304);
static_assert(IHP_PLUGIN_API_SIZE_V1_0 == 224);
#endif

namespace {

TEST(AbiLayout, VersionedStructsStartWithTheirSize) {
  EXPECT_EQ(offsetof(ihp_sink, struct_size), 0u);
  EXPECT_EQ(offsetof(ihp_fingerprint, struct_size), 0u);
  EXPECT_EQ(offsetof(ihp_host_api, struct_size), 0u);
  EXPECT_EQ(offsetof(ihp_plugin_api, struct_size), 0u);
  EXPECT_EQ(offsetof(ihp_entry_args, struct_size), 0u);
  EXPECT_EQ(offsetof(ihp_request, struct_size), 0u);
  EXPECT_EQ(offsetof(ihp_uninstall_call, struct_size), 0u);
}

TEST(AbiLayout, OneZeroSizesCoverTheLastOneZeroMember) {
  EXPECT_EQ(IHP_HOST_API_SIZE_V1_0, offsetof(ihp_host_api, reply_pipeline_ref) + sizeof(void*));
  EXPECT_EQ(IHP_PLUGIN_API_SIZE_V1_0, offsetof(ihp_plugin_api, uninstall) + sizeof(void*));
  EXPECT_LE(IHP_HOST_API_SIZE_V1_0, sizeof(ihp_host_api));
  EXPECT_LE(IHP_PLUGIN_API_SIZE_V1_0, sizeof(ihp_plugin_api));
}

}  // namespace
