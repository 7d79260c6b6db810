// Unit tests for the pure load rules: version negotiation messages and the
// field-by-field fingerprint comparison. (The exhaustive version matrix is
// tests/abi/version_matrix_test.cpp.)
#include <gtest/gtest.h>

#include "plugins/abi_negotiation.h"

namespace ih::host::plugins {
namespace {

TEST(AbiNegotiation, SameVersionIsCompatible) {
  auto result = negotiateVersion({1, 0}, {1, 0, 0});
  EXPECT_TRUE(result.compatible);
  EXPECT_EQ(result.minor, 0u);
  EXPECT_TRUE(result.reason.empty());
}

TEST(AbiNegotiation, MessagesNameBothSides) {
  EXPECT_EQ(negotiateVersion({1, 0}, {2, 0, 0}).reason, "built for ABI major 2; host supports 1");
  EXPECT_EQ(negotiateVersion({1, 0}, {0, 0, 0}).reason, "built for ABI major 0 (too old); host supports 1");
  EXPECT_EQ(negotiateVersion({1, 0}, {1, 3, 0}).reason, "requires ABI 1.3 or newer; host implements 1.0");
  EXPECT_EQ(negotiateVersion({1, 1}, {1, 0, 2}).reason,
            "negotiated ABI minor 2 is outside [0, 1] (plugin minimum, host minor)");
}

TEST(AbiNegotiation, NewerPluginMinorNegotiatesDown) {
  auto result = negotiateVersion({1, 2}, {1, 1, 2});
  EXPECT_TRUE(result.compatible);
  EXPECT_EQ(result.minor, 2u);
}

TEST(AbiNegotiation, FingerprintComparedFieldByField) {
  const ihp_fingerprint host = hostFingerprint({1, 0});
  EXPECT_EQ(compareFingerprints(host, host), "");
  ihp_fingerprint plugin = host;
  plugin.pointer_size = 4;
  EXPECT_EQ(compareFingerprints(plugin, host), "fingerprint mismatch: pointer_size plugin 4, host 8");
  plugin.size_t_size = 4;
  plugin.byte_order = 0x04030201u;
  EXPECT_EQ(compareFingerprints(plugin, host),
            "fingerprint mismatch: pointer_size plugin 4, host 8; size_t_size plugin 4, host 8; "
            "byte_order plugin 67305985, host 16909060");
}

TEST(AbiNegotiation, StatusText) {
  EXPECT_EQ(statusText(IHP_OK), "ok");
  EXPECT_EQ(statusText(IHP_E_INCOMPATIBLE), "incompatible");
  EXPECT_EQ(statusText(99), "unknown(99)");
}

}  // namespace
}  // namespace ih::host::plugins
