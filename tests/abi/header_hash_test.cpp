// tests/abi/header_hash_test.cpp - plugin_abi.h is pinned by hash: it cannot
// change without an ABI version bump recorded in docs/abi.md (Envoy's
// abi_version_test, PEP 652's manifest check).
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "auth/crypto.h"
#include "ihp/plugin_abi.h"
#include "pinned_header.h"

namespace ih::test {
namespace {

std::string readFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  EXPECT_TRUE(in.good()) << "cannot read " << path;
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

std::string firstLine(const std::string& text) { return text.substr(0, text.find('\n')); }

const std::string kVersion = std::to_string(IHP_ABI_MAJOR) + "." + std::to_string(IHP_ABI_MINOR);

TEST(PinnedHeader, PluginAbiHeaderMatchesItsPinnedHash) {
  PinnedHeaderState state{firstLine(readFile(IH_ABI_HASH_FILE)), kVersion,
                          host::auth::sha256Hex(readFile(IH_ABI_HEADER)), readFile(IH_ABI_DOC)};
  EXPECT_EQ(checkPinnedHeader(state), "");
}

// The rule itself, branch by branch.
TEST(PinnedHeader, RuleBranches) {
  const std::string doc = "# ABI\n## Change ledger\n### 1.0\ninitial\n";
  const std::string a(64, 'a'), b(64, 'b');
  EXPECT_EQ(checkPinnedHeader({"1.0 " + a, "1.0", a, doc}), "");
  EXPECT_EQ(checkPinnedHeader({"1.0 " + a, "1.0", b, doc}),
            "plugin_abi.h changed without an ABI version bump: bump IHP_ABI_MINOR (additions) or IHP_ABI_MAJOR "
            "(breaks), record it in docs/abi.md, update tests/abi/plugin_abi.h.sha256");
  EXPECT_EQ(checkPinnedHeader({"1.0 " + a, "1.1", b, doc}),
            "ABI version 1.1 has no entry in docs/abi.md: add a '### 1.1' section to its change ledger saying what "
            "changed and why");
  EXPECT_EQ(checkPinnedHeader({"1.0 " + a, "1.1", b, doc + "### 1.1\nadded x\n"}),
            "ABI version bumped to 1.1: update tests/abi/plugin_abi.h.sha256 to '1.1 " + b + "'");
  EXPECT_EQ(checkPinnedHeader({"1.1 " + b, "1.1", b, doc + "### 1.1\nadded x\n"}), "");
  EXPECT_NE(checkPinnedHeader({"garbage", "1.0", a, doc}), "");
}

}  // namespace
}  // namespace ih::test
