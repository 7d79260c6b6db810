// The deflate codec of stored bodies (common/deflate.h): bytes come back
// exactly, and anything but the whole stream of the stated size is refused.
#include <gtest/gtest.h>

#include <string>
#include <thread>

#include "common/deflate.h"

namespace ih::host {
namespace {

std::string sampleBody() {
  std::string body;
  for (int i = 0; body.size() < 6000; ++i) body += "{\"id\": " + std::to_string(i) + ", \"name\": \"caf\xc3\xa9\"}";
  return body + std::string("\0\xff", 2);
}

TEST(Deflate, BytesComeBackExactlyAndSmaller) {
  for (const std::string& bytes : {std::string(), std::string("x"), sampleBody()}) {
    const std::string compressed = deflateBytes(bytes);
    EXPECT_EQ(inflateBytes(compressed, bytes.size()), bytes);
  }
  EXPECT_LT(deflateBytes(sampleBody()).size(), sampleBody().size() / 4);
}

// Each thread keeps its own stream: streams reused across calls and threads
// start each body afresh.
TEST(Deflate, AReusedStreamStartsEachBodyAfresh) {
  const std::string first = deflateBytes(sampleBody());
  deflateBytes("something else entirely");
  EXPECT_EQ(deflateBytes(sampleBody()), first);
  std::string elsewhere;
  std::thread([&] { elsewhere = deflateBytes(sampleBody()); }).join();
  EXPECT_EQ(elsewhere, first);
}

TEST(Deflate, AnythingButTheWholeStreamOfItsSizeIsRefused) {
  const std::string body = sampleBody();
  const std::string compressed = deflateBytes(body);
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
