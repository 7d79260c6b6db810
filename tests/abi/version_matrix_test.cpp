// tests/abi/version_matrix_test.cpp - the version rule, exhaustively (after
// Vulkan's loader_version_tests): every (host major 0..2, host minor 0..3) x
// (plugin major 0..2, plugin minimum minor 0..3, plugin minor 0..3) against
// the documented rule, then real plugins built "for" other versions loaded by
// hosts claiming other versions.
#include <gtest/gtest.h>

#include <algorithm>

#include "host_fixture.h"
#include "plugins/abi_negotiation.h"
#include "plugins/plugin_registry.h"

namespace ih::host::plugins {
namespace {

// docs/abi.md, "Versions": same major; host minor >= the plugin's minimum;
// the negotiated minor is min(host minor, plugin minor) and must itself be
// >= the plugin's minimum (a plugin whose minimum exceeds its own minor is
// inconsistent and never runs).
bool documentedRule(uint32_t hostMajor, uint32_t hostMinor, uint32_t major, uint32_t minMinor, uint32_t minor) {
  return major == hostMajor && minMinor <= hostMinor && std::min(hostMinor, minor) >= minMinor;
}

TEST(VersionMatrix, PureNegotiationAgreesWithTheDocumentedRule) {
  int combinations = 0, accepted = 0;
  for (uint32_t hostMajor = 0; hostMajor <= 2; ++hostMajor)
    for (uint32_t hostMinor = 0; hostMinor <= 3; ++hostMinor)
      for (uint32_t major = 0; major <= 2; ++major)
        for (uint32_t minMinor = 0; minMinor <= 3; ++minMinor)
          for (uint32_t minor = 0; minor <= 3; ++minor) {
            ++combinations;
            const uint32_t negotiated = std::min(hostMinor, minor);  // what a well-behaved plugin reports
            Negotiation result = negotiateVersion({hostMajor, hostMinor}, {major, minMinor, negotiated});
            const bool expected = documentedRule(hostMajor, hostMinor, major, minMinor, minor);
            SCOPED_TRACE("host " + std::to_string(hostMajor) + "." + std::to_string(hostMinor) + ", plugin major " +
                         std::to_string(major) + " min " + std::to_string(minMinor) + " minor " +
                         std::to_string(minor));
            ASSERT_EQ(result.compatible, expected) << result.reason;
            if (expected) {
              ++accepted;
              EXPECT_EQ(result.minor, negotiated);
              EXPECT_TRUE(result.reason.empty());
            } else {
              EXPECT_FALSE(result.reason.empty());
            }
            // A plugin that claims more than the host offers is refused, whatever else holds.
            EXPECT_FALSE(negotiateVersion({hostMajor, hostMinor}, {major, minMinor, hostMinor + 1}).compatible);
          }
  EXPECT_EQ(combinations, 3 * 4 * 3 * 4 * 4);
  EXPECT_EQ(accepted, 90);  // 3 majors x sum over host minor h of pairs (m <= h, n >= m) = 3 x 30
}

struct RealCase {
  const char* plugin;  // file in versions/
  HostAbiVersion host;
  const char* expected;  // "" = loads
};

class VersionMatrixReal : public ::testing::TestWithParam<RealCase> {};

TEST_P(VersionMatrixReal, LoaderAppliesTheRuleToRealPlugins) {
  const RealCase& c = GetParam();
  test::HostFixture host;
  PluginRegistry registry(host.services(), c.host);
  const std::string path = std::string(IH_VERSIONS_DIR) + "/" + c.plugin + ".so";
  const bool loaded = registry.loadFile(path);
  if (std::string(c.expected).empty()) {
    ASSERT_TRUE(loaded) << (registry.failures().empty() ? "" : registry.failures()[0].reason);
  } else {
    ASSERT_FALSE(loaded);
    ASSERT_EQ(registry.failures().size(), 1u);
    EXPECT_EQ(registry.failures()[0].reason, c.expected);
  }
}

// A plugin built for 1.2 on a host that implements 1.1 speaks 1.1, and this
// host (1.6) runs plugins built for 1.3 that require 1.2 and 1.3, speaking
// 1.3 with them.
TEST(VersionMatrixCurrent, APluginForOneTwoNegotiatesDownAndTheCurrentHostRunsOneSix) {
  static_assert(IHP_ABI_MAJOR == 1 && IHP_ABI_MINOR == 6, "update the version matrix for the new version");
  test::HostFixture host;
  PluginRegistry older(host.services(), HostAbiVersion{1, 1});
  ASSERT_TRUE(older.loadFile(std::string(IH_VERSIONS_DIR) + "/ver_1_2.so"));
  EXPECT_EQ(older.find("ver_1_2")->info().abiVersion, "1.1");
  PluginRegistry current(host.services());
  ASSERT_TRUE(current.loadFile(std::string(IH_VERSIONS_DIR) + "/ver_1_min2.so"))
      << (current.failures().empty() ? "" : current.failures()[0].reason);
  EXPECT_EQ(current.find("ver_1_min2")->info().abiVersion, "1.3");
  ASSERT_TRUE(current.loadFile(std::string(IH_VERSIONS_DIR) + "/ver_1_min3.so"))
      << (current.failures().empty() ? "" : current.failures()[0].reason);
  EXPECT_EQ(current.find("ver_1_min3")->info().abiVersion, "1.3");
}

INSTANTIATE_TEST_SUITE_P(
    Plugins, VersionMatrixReal,
    ::testing::Values(RealCase{"ver_1_0", {1, 0}, ""}, RealCase{"ver_1_0", {1, 3}, ""},
                      RealCase{"ver_1_0", {2, 0}, "built for ABI major 1 (too old); host supports 2"},
                      RealCase{"ver_1_0", {0, 3}, "built for ABI major 1; host supports 0"},
                      RealCase{"ver_1_2", {1, 0}, ""}, RealCase{"ver_1_2", {1, 1}, ""}, RealCase{"ver_1_2", {1, 2}, ""},
                      RealCase{"ver_1_2", {1, 3}, ""},
                      RealCase{"ver_1_min2", {1, 0}, "requires ABI 1.2 or newer; host implements 1.0"},
                      RealCase{"ver_1_min2", {1, 1}, "requires ABI 1.2 or newer; host implements 1.1"},
                      RealCase{"ver_1_min2", {1, 2}, ""}, RealCase{"ver_1_min2", {1, 3}, ""},
                      RealCase{"ver_1_min3", {1, 2}, "requires ABI 1.3 or newer; host implements 1.2"},
                      RealCase{"ver_1_min3", {1, 3}, ""}, RealCase{"ver_1_min3", {1, 4}, ""},
                      RealCase{"ver_1_min3", {1, 5}, ""}, RealCase{"ver_1_min3", {1, 6}, ""},
                      RealCase{"ver_2_0", {1, 3}, "built for ABI major 2; host supports 1"},
                      RealCase{"ver_2_0", {2, 0}, ""},
                      RealCase{"ver_0_1", {1, 0}, "built for ABI major 0 (too old); host supports 1"},
                      RealCase{"ver_0_1", {0, 1}, ""}),
    [](const ::testing::TestParamInfo<RealCase>& info) {
      return std::string(info.param.plugin) + "_on_" + std::to_string(info.param.host.major) + "_" +
             std::to_string(info.param.host.minor);
    });

}  // namespace
}  // namespace ih::host::plugins
