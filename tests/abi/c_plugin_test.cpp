// tests/abi/c_plugin_test.cpp - a plugin written in plain C99 (no SDK, no
// C++) loads through PluginRegistry into a real host core and answers its
// route with JSON built through the reply builder, using host services.
#include <gtest/gtest.h>

#include <filesystem>

#include "abi_test_support.h"
#include "auth/crypto.h"
#include "ihp/sdk/hex.hpp"
#include "ihp/sdk/json.hpp"

namespace ih::test {
namespace {

namespace json = ihp::sdk::json;

class CPlugin : public ::testing::Test {
 protected:
  CPlugin() : registry(host.services()) {}
  HostFixture host;
  host::plugins::PluginRegistry registry;
};

TEST_F(CPlugin, LoadsWithItsDescriptor) {
  ASSERT_TRUE(registry.loadFile(testPlugin("c_echo")));
  auto* plugin = registry.find("c_echo");
  ASSERT_NE(plugin, nullptr);
  const auto& info = plugin->info();
  EXPECT_EQ(info.name, "C echo");
  EXPECT_EQ(info.version, "1.0.0");
  EXPECT_EQ(info.abiVersion, "1.6");
  EXPECT_FALSE(info.threadSafe);
  ASSERT_EQ(info.routes.size(), 1u);
  EXPECT_EQ(info.routes[0].pathPattern, "/extensions/c-echo/echo/{word}/");
  EXPECT_EQ(info.path, testPlugin("c_echo"));
}

TEST_F(CPlugin, AnswersItsRouteThroughTheReplyBuilder) {
  ASSERT_TRUE(registry.loadFile(testPlugin("c_echo")));
  auto reply = callRoute(host, registry, "GET", "/extensions/c-echo/echo/hello/");
  ASSERT_EQ(reply.status, IHP_OK);
  EXPECT_EQ(reply.httpStatus, 200);
  ASSERT_EQ(reply.headers.size(), 1u);
  EXPECT_EQ(reply.headers[0], (std::pair<std::string, std::string>{"Content-Type", "application/json"}));
  json::Document doc;
  ASSERT_TRUE(json::parseObject(reply.body, doc)) << reply.body;
  EXPECT_EQ(json::stringOr(doc, "word"), "hello");
  auto mac = host::auth::hmacSha256("c_echo", "hello");
  EXPECT_EQ(json::stringOr(doc, "hmac"), ihp::sdk::hex::encode(mac));
  EXPECT_EQ(json::int64(doc, "now").value_or(0), HostFixture::kStartMs);  // the injected clock
}

TEST_F(CPlugin, ValidatesItsInputAndCountsCalls) {
  ASSERT_TRUE(registry.loadFile(testPlugin("c_echo")));
  EXPECT_EQ(callRoute(host, registry, "GET", "/extensions/c-echo/echo/a%22b/").httpStatus, 400);
  EXPECT_EQ(callRoute(host, registry, "GET", "/extensions/c-echo/echo/ok/").httpStatus, 200);
  EXPECT_EQ(callRoute(host, registry, "POST", "/extensions/c-echo/echo/ok/").status, IHP_E_NOT_FOUND);  // no such route
  EXPECT_EQ(host.metrics().value("ih_plugin_calls_total",
                                 {{"plugin", "c_echo"}, {"hook", "handle_request"}, {"status", "ok"}}),
            2);
  EXPECT_EQ(host.metrics().value("ihp_c_echo_requests", {{"route", "echo"}}), 2);
}

TEST_F(CPlugin, MissingOptionalHookIsUnsupportedWithoutCallingIt) {
  ASSERT_TRUE(registry.loadFile(testPlugin("c_echo")));
  auto uow = host.begin();
  host::plugins::CallScope scope{*uow};
  auto reply = registry.find("c_echo")->runJob(scope, 1, "anything", "{}", 1);
  EXPECT_EQ(reply.status, IHP_E_UNSUPPORTED);
}

TEST_F(CPlugin, SameFileThroughAnotherPathIsLoadedOnce) {
  ASSERT_TRUE(registry.loadFile(testPlugin("c_echo")));
  // A symlink elsewhere reaches the same inode: skipped, not a duplicate key.
  const std::string link = host.dataDir() + "/echo-link.so";
  std::filesystem::create_symlink(testPlugin("c_echo"), link);
  EXPECT_FALSE(registry.loadFile(link));
  EXPECT_TRUE(registry.failures().empty());
  EXPECT_EQ(registry.plugins().size(), 1u);
}

}  // namespace
}  // namespace ih::test
