// The host's (and the mock's) base64 codec over OpenSSL (common/base64.h):
// RFC 4648's vectors in both alphabets, and decoding strict enough that one
// byte string has exactly one accepted text.
#include <gtest/gtest.h>

#include <string>

#include "common/base64.h"

namespace ih::host {
namespace {

// bytes, their standard base64, their unpadded base64url
struct Vector {
  const char *bytes, *standard, *url;
};

TEST(Base64, EncodesRfc4648VectorsInBothAlphabets) {
  const Vector vectors[] = {{"", "", ""},           {"f", "Zg==", "Zg"},         {"fo", "Zm8=", "Zm8"},
                            {"foo", "Zm9v", "Zm9v"}, {"foob", "Zm9vYg==", "Zm9vYg"}, {"fooba", "Zm9vYmE=", "Zm9vYmE"},
                            {"foobar", "Zm9vYmFy", "Zm9vYmFy"}, {"\xfb\xff", "+/8=", "-_8"}};
  for (const Vector& v : vectors) {
    EXPECT_EQ(base64Encode(v.bytes), v.standard);
    EXPECT_EQ(base64UrlEncode(v.bytes), v.url);
    EXPECT_EQ(base64Decode(v.standard), v.bytes);
    EXPECT_EQ(base64UrlDecode(v.url), v.bytes);
  }
  EXPECT_EQ(base64Encode(std::string(300, 'x')).find('\n'), std::string::npos) << "never wrapped";
}

TEST(Base64, RoundTripsEveryLengthAndByte) {
  std::string bytes;
  for (int i = 0; i < 300; ++i) {
    EXPECT_EQ(base64Decode(base64Encode(bytes)), bytes);
    EXPECT_EQ(base64UrlDecode(base64UrlEncode(bytes)), bytes);
    bytes.push_back(static_cast<char>(i * 37));
  }
}

TEST(Base64, DecodingIsStrict) {
  // Each is refused because encoding its bytes would not give this text back.
  for (const char* bad : {"Zm8" /* padding missing */, "Zm 9v" /* whitespace */, "Zm9v\n", "Zh==" /* unused bits */,
                          "-_8=" /* URL alphabet */, "Zm!v"}) {
    EXPECT_FALSE(base64Decode(bad)) << bad;
  }
  for (const char* bad : {"Zm9v=" /* padding */, "Zm+v" /* standard alphabet */, "Z" /* impossible length */,
                          "Zh" /* unused bits */, "Zm 9v"}) {
    EXPECT_FALSE(base64UrlDecode(bad)) << bad;
  }
}

}  // namespace
}  // namespace ih::host
