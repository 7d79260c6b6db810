// Reading the zlib bodies older hosts stored (common/zlib_inflate.h): bytes
// come back exactly, and anything but the whole stream of the stated size is
// refused.
#include <gtest/gtest.h>

#include <string>

#include "common/zlib_inflate.h"
#include "support/zlib_streams.h"

namespace ih::host {
namespace {

using ih::test::deflateAsAnOlderHost;

// Repetitive, as JSON is, with bytes that are not text.
std::string olderHostsBody() {
  std::string body = "[";
  while (body.size() < 5000) body += "\"assignee\", \"caf\xc3\xa9\", ";
  return body + std::string("\0\xff]", 3);
}

TEST(ZlibInflate, BytesComeBackExactly) {
  for (const std::string& bytes : {std::string(), std::string("x"), olderHostsBody()}) {
    EXPECT_EQ(inflateBytes(deflateAsAnOlderHost(bytes), bytes.size()), bytes);
  }
}

TEST(ZlibInflate, AnythingButTheWholeStreamOfItsSizeIsRefused) {
  const std::string body = olderHostsBody();
  const std::string compressed = deflateAsAnOlderHost(body);
  std::string flipped = compressed;
  flipped[flipped.size() / 2] ^= 0x01;
  EXPECT_EQ(inflateBytes(flipped, body.size()), std::nullopt) << "changed bytes fail the checksum";
  EXPECT_EQ(inflateBytes(compressed.substr(0, compressed.size() - 1), body.size()), std::nullopt) << "cut short";
  EXPECT_EQ(inflateBytes(compressed + "x", body.size()), std::nullopt) << "bytes after the stream";
  EXPECT_EQ(inflateBytes(compressed, body.size() - 1), std::nullopt) << "longer than stated";
  EXPECT_EQ(inflateBytes(compressed, body.size() + 1), std::nullopt) << "shorter than stated";
  EXPECT_EQ(inflateBytes(body, body.size()), std::nullopt) << "not a zlib stream";
  EXPECT_EQ(inflateBytes("", 0), std::nullopt);
}

}  // namespace
}  // namespace ih::host
