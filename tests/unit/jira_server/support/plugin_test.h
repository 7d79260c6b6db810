// plugin_test.h - the common fixture of the plugin's unit tests: a NiceMock'd
// host (defaults: fake crypto, scripted HTTP, nothing found) and one plugin
// instance driven through its C table, plus JSON reading helpers.
#pragma once

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "ihp/sdk/json.hpp"
#include "support/jira_fixtures.h"
#include "support/mock_host.h"
#include "support/plugin_harness.h"

namespace ih::jira::testing {

class PluginTest : public ::testing::Test {
 protected:
  ::testing::NiceMock<MockHost> host;
  PluginHarness plugin{host};

  // Fails the test when any log line contains `secret`.
  void expectNeverLogged(const std::string& secret) const {
    for (const auto& line : host.logs) {
      EXPECT_EQ(line.message.find(secret), std::string::npos) << "secret leaked into log: " << line.message;
    }
  }
};

// Parses JSON that the test expects to be valid.
inline ihp::sdk::json::Document parseJson(const std::string& text) {
  ihp::sdk::json::Document doc;
  EXPECT_TRUE(ihp::sdk::json::parse(text, doc)) << "not JSON: " << text;
  return doc;
}

// A string member at a '/'-separated path ("metadata/base_url"); "<missing>" if absent.
std::string jsonString(const ihp::sdk::json::Value& root, const std::string& path);
// Whether the member at `path` exists (null included).
bool jsonHas(const ihp::sdk::json::Value& root, const std::string& path);
const ihp::sdk::json::Value* jsonAt(const ihp::sdk::json::Value& root, const std::string& path);

}  // namespace ih::jira::testing
