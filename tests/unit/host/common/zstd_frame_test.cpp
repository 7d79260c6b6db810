// The zstd codec of stored bodies (common/zstd_frame.h): bytes come back
// exactly, and anything but the whole checksummed frame of the stated size is
// refused.
#include <gtest/gtest.h>

#include <string>
#include <thread>

#include "common/zstd_frame.h"

namespace ih::host {
namespace {

std::string sampleBody() {
  std::string body;
  for (int i = 0; body.size() < 6000; ++i) body += "{\"id\": " + std::to_string(i) + ", \"name\": \"caf\xc3\xa9\"}";
  return body + std::string("\0\xff", 2);
}

TEST(ZstdFrame, BytesComeBackExactlyAndSmaller) {
  for (const std::string& bytes : {std::string(), std::string("x"), sampleBody()}) {
    const std::string frame = compressFrame(bytes);
    EXPECT_EQ(decompressFrame(frame, bytes.size()), bytes);
  }
  EXPECT_LT(compressFrame(sampleBody()).size(), sampleBody().size() / 4);
}

// Each thread keeps its own context: contexts reused across calls and
// threads start each body afresh.
TEST(ZstdFrame, AReusedContextStartsEachBodyAfresh) {
  const std::string first = compressFrame(sampleBody());
  compressFrame("something else entirely");
  EXPECT_EQ(compressFrame(sampleBody()), first);
  std::string elsewhere;
  std::thread([&] { elsewhere = compressFrame(sampleBody()); }).join();
  EXPECT_EQ(elsewhere, first);
}

TEST(ZstdFrame, AnythingButTheWholeFrameOfItsSizeIsRefused) {
  const std::string body = sampleBody();
  const std::string frame = compressFrame(body);
  const auto changedAt = [&frame](std::size_t at) {
    std::string changed = frame;
    changed[at] ^= 0x01;
    return changed;
  };
  struct Refused {
    const char* why;
    std::string frame;
    std::size_t size;
  };
  for (const Refused& refused : std::initializer_list<Refused>{
           {"changed bytes fail the checksum", changedAt(frame.size() / 2), body.size()},
           {"a changed checksum", changedAt(frame.size() - 1), body.size()},
           {"cut short", frame.substr(0, frame.size() - 1), body.size()},
           {"bytes after the frame", frame + "x", body.size()},
           {"a second frame", frame + frame, body.size()},
           {"longer than stated", frame, body.size() - 1},
           {"shorter than stated", frame, body.size() + 1},
           {"a size no frame states", frame, std::string::npos},
           {"not a zstd frame", body, body.size()},
           {"nothing", "", 0},
       }) {
    EXPECT_EQ(decompressFrame(refused.frame, refused.size), std::nullopt) << refused.why;
  }
}

// Without its checksum a damaged frame could decode to other bytes of the
// right size: such a frame is refused even when it is otherwise whole.
TEST(ZstdFrame, AFrameWithoutItsChecksumIsRefused) {
  const std::string body = sampleBody();
  std::string unchecked = compressFrame(body);
  ASSERT_EQ(decompressFrame(unchecked, body.size()), body);
  unchecked[4] = static_cast<char>(unchecked[4] & ~0x04);  // the descriptor's Content_Checksum_flag
  unchecked.resize(unchecked.size() - 4);                  // and the checksum it announced
  EXPECT_EQ(decompressFrame(unchecked, body.size()), std::nullopt);
}

}  // namespace
}  // namespace ih::host
