// The SDK's hex codec and UTF-8 check (ihp/sdk/hex.hpp, ihp/sdk/utf8.hpp).
#include <gtest/gtest.h>

#include <array>
#include <string>

#include "ihp/sdk/hex.hpp"
#include "ihp/sdk/utf8.hpp"

namespace ihp::sdk {
namespace {

TEST(Hex, EncodesLowercaseTwoCharactersPerByte) {
  EXPECT_EQ(hex::encode(std::string("\x00\xff\x10\xab", 4)), "00ff10ab");
  EXPECT_EQ(hex::encode(std::string()), "");
  std::array<uint8_t, 3> bytes{0x01, 0x9a, 0xf0};
  EXPECT_EQ(hex::encode(bytes), "019af0");
}

TEST(Hex, RecognisesOnlyLowercaseHex) {
  EXPECT_TRUE(hex::isLowercase("0123456789abcdef"));
  EXPECT_TRUE(hex::isLowercase(""));
  EXPECT_FALSE(hex::isLowercase("09AF"));
  EXPECT_FALSE(hex::isLowercase("0g"));
}

TEST(Utf8, AcceptsWellFormedText) {
  EXPECT_TRUE(utf8::isValid(""));
  EXPECT_TRUE(utf8::isValid("plain ascii"));
  EXPECT_TRUE(utf8::isValid("h\xc3\xa9"));                  // U+00E9
  EXPECT_TRUE(utf8::isValid("\xe2\x82\xac"));                // U+20AC
  EXPECT_TRUE(utf8::isValid("\xed\x9f\xbf"));                // U+D7FF, just below the surrogates
  EXPECT_TRUE(utf8::isValid("\xee\x80\x80"));                // U+E000, just above them
  EXPECT_TRUE(utf8::isValid("\xf4\x8f\xbf\xbf"));            // U+10FFFF
  EXPECT_TRUE(utf8::isValid(std::string("a\0b", 3)));        // NUL is a character
}

TEST(Utf8, RefusesOverlongSurrogatesAndTruncation) {
  for (const char* bad : {"\x80", "\xc0\x80", "\xc1\xbf", "\xe0\x9f\xbf", "\xf0\x8f\xbf\xbf", "\xed\xa0\x80",
                          "\xed\xbf\xbf", "\xf4\x90\x80\x80", "\xf5\x80\x80\x80", "\xff", "\xc3", "\xe2\x82",
                          "ok\xc3(", "\xf0\x9f\x98"}) {
    EXPECT_FALSE(utf8::isValid(bad)) << ::testing::PrintToString(std::string(bad));
  }
}

// isValid() skips ASCII eight bytes at a time: a bad byte is found at any
// position of a word and in the bytes after the last whole word.
TEST(Utf8, FindsABadByteAtEveryPositionAfterAnAsciiRun) {
  for (size_t length = 1; length <= 40; ++length) {
    for (size_t at = 0; at < length; ++at) {
      std::string text(length, 'a');
      text[at] = '\xff';
      EXPECT_FALSE(utf8::isValid(text)) << "length " << length << ", bad byte at " << at;
      text.replace(at, 1, "\xc3\xa9");
      EXPECT_TRUE(utf8::isValid(text)) << "length " << length << ", two-byte sequence at " << at;
      text.erase(text.size() - 1);
      if (at + 1 == length) {
        EXPECT_FALSE(utf8::isValid(text)) << "truncated at the end, length " << length;
      }
    }
  }
}

}  // namespace
}  // namespace ihp::sdk
