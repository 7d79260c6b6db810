// String helpers used for case-insensitive lookups.
#include "common/strings.h"

#include <gtest/gtest.h>

namespace ih::host {
namespace {

TEST(StringsTest, LowerAndUpperTouchOnlyAsciiLetters) {
  EXPECT_EQ(toLowerAscii("Alice@Example.TEST"), "alice@example.test");
  EXPECT_EQ(toUpperAscii("ops-team_1"), "OPS-TEAM_1");
  EXPECT_EQ(toLowerAscii("\xC3\x89t\xC3\xA9"), "\xC3\x89t\xC3\xA9");  // UTF-8 bytes unchanged
}

TEST(StringsTest, TrimRemovesSurroundingWhitespaceOnly) {
  EXPECT_EQ(trim("  a b \t\n"), "a b");
  EXPECT_EQ(trim("   "), "");
  EXPECT_EQ(trim("x"), "x");
}

}  // namespace
}  // namespace ih::host
