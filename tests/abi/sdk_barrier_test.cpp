// tests/abi/sdk_barrier_test.cpp - the C++ SDK's fail-closed barrier: hooks
// that throw std::exception or non-std types answer IHP_E_INTERNAL and 500,
// log an error line through the host, never crash, and the host (and the
// plugin) keep serving.
#include <gtest/gtest.h>

#include <limits>

#include "ihp/sdk/host.hpp"

#include "abi_test_support.h"
#include "log_capture.h"

namespace ih::test {
namespace {

class SdkBarrier : public ::testing::Test {
 protected:
  SdkBarrier() : registry(host.services()) {
    EXPECT_TRUE(registry.loadFile(corpusPlugin("sdk_throws")));
    EXPECT_TRUE(registry.loadFile(testPlugin("c_echo")));
  }
  LogCapture logs;
  HostFixture host;
  host::plugins::PluginRegistry registry;
};

// The SDK's sinks run under the host's C frames: a write they cannot keep
// (here more than a string can hold) must fail the call, not unwind into
// the host.
TEST(SdkSinks, AWriteThatCannotBeKeptFailsTheCallInsteadOfUnwinding) {
  constexpr size_t kTooMuch = std::numeric_limits<size_t>::max();
  ihp_host_api api{};
  api.struct_size = sizeof api;
  api.integration_find = [](ihp_host_ctx*, ihp_str, const ihp_sink* out) {
    out->write(out->self, "{", kTooMuch);
    return IHP_OK;
  };
  api.http_send = [](ihp_host_ctx*, const ihp_http_request*, const ihp_http_response_sink* sink) {
    sink->on_status(sink->self, 200);
    sink->on_header(sink->self, ihp_str{"a", kTooMuch}, ihp_str{"b", 1});
    sink->on_body(sink->self, "x", kTooMuch);
    return IHP_OK;
  };
  const ihp::sdk::Host host(&api, nullptr);
  EXPECT_EQ(host.integrationFind("ext").status, IHP_E_INTERNAL);
  ihp::sdk::HttpRequest request;
  request.method = "GET";
  request.url = "http://127.0.0.1/";
  EXPECT_EQ(host.send(request).status, IHP_E_INTERNAL);
}

TEST_F(SdkBarrier, StdExceptionBecomesInternal500WithALogLine) {
  auto reply = callRoute(host, registry, "GET", "/extensions/sdk-throws/std/");
  EXPECT_EQ(reply.status, IHP_E_INTERNAL);
  EXPECT_EQ(reply.httpStatus, 500);
  auto lines = logs.matching("plugin hook handle_request threw: sdk_throws: std exception from handle_request",
                             Poco::Message::PRIO_ERROR);
  ASSERT_EQ(lines.size(), 1u) << logs.dump();
  EXPECT_EQ(lines[0].source, "plugin.sdk_throws");
}

TEST_F(SdkBarrier, NonStdExceptionBecomesInternal500WithALogLine) {
  auto reply = callRoute(host, registry, "GET", "/extensions/sdk-throws/int/");
  EXPECT_EQ(reply.status, IHP_E_INTERNAL);
  EXPECT_EQ(reply.httpStatus, 500);
  EXPECT_EQ(logs.matching("plugin hook handle_request threw: a non-standard exception").size(), 1u) << logs.dump();
}

TEST_F(SdkBarrier, JobHookThatThrowsIsInternal) {
  auto uow = host.begin();
  host::plugins::CallScope scope{*uow};
  auto reply = registry.find("sdk_throws")->runJob(scope, 1, "boom", "{}", 1);
  EXPECT_EQ(reply.status, IHP_E_INTERNAL);
  EXPECT_EQ(logs.matching("plugin hook run_job threw").size(), 1u);
}

TEST_F(SdkBarrier, HostAndPluginKeepServing) {
  for (int i = 0; i < 3; ++i) {
    EXPECT_EQ(callRoute(host, registry, "GET", "/extensions/sdk-throws/std/").httpStatus, 500);
    EXPECT_EQ(callRoute(host, registry, "GET", "/extensions/sdk-throws/int/").httpStatus, 500);
  }
  auto ok = callRoute(host, registry, "GET", "/extensions/sdk-throws/ok/");
  EXPECT_EQ(ok.status, IHP_OK);
  EXPECT_EQ(ok.body, R"({"ok":true})");
  EXPECT_EQ(callRoute(host, registry, "GET", "/extensions/c-echo/echo/alive/").httpStatus, 200);
  EXPECT_EQ(host.metrics().value("ih_plugin_calls_total",
                                 {{"plugin", "sdk_throws"}, {"hook", "handle_request"}, {"status", "internal"}}),
            6);
}

}  // namespace
}  // namespace ih::test
