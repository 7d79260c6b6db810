// host/common/deflate.cpp - see deflate.h.
#include "common/deflate.h"

#include <zlib.h>

#include <limits>
#include <new>
#include <stdexcept>

namespace ih::host {

namespace {

constexpr int kFastLevel = 1;

// A deflate stream's state is ~270 KB, zeroed on set-up: compress2() made
// and freed one per call, 430 us for a 4 KB body where a reset stream takes
// 12 us. So each thread keeps one.
class ThreadDeflater {
 public:
  ThreadDeflater() {
    if (deflateInit(&stream_, kFastLevel) != Z_OK) throw std::bad_alloc();
  }
  ~ThreadDeflater() { deflateEnd(&stream_); }
  ThreadDeflater(const ThreadDeflater&) = delete;
  ThreadDeflater& operator=(const ThreadDeflater&) = delete;

  std::string deflate(std::string_view bytes) {
    if (bytes.size() > std::numeric_limits<uInt>::max() / 2) throw std::length_error("too large to deflate");
    if (::deflateReset(&stream_) != Z_OK) throw std::runtime_error("deflate: cannot reset its stream");
    std::string compressed(::deflateBound(&stream_, static_cast<uLong>(bytes.size())), '\0');
    stream_.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));
    stream_.avail_in = static_cast<uInt>(bytes.size());
    stream_.next_out = reinterpret_cast<Bytef*>(compressed.data());
    stream_.avail_out = static_cast<uInt>(compressed.size());
    // deflateBound() leaves room for the whole stream: one call ends it.
    if (::deflate(&stream_, Z_FINISH) != Z_STREAM_END) throw std::runtime_error("deflate did not finish");
    compressed.resize(stream_.total_out);
    return compressed;
  }

 private:
  z_stream stream_{};
};

}  // namespace

std::string deflateBytes(std::string_view bytes) {
  thread_local ThreadDeflater deflater;
  return deflater.deflate(bytes);
}

std::optional<std::string> inflateBytes(std::string_view compressed, std::size_t originalSize) {
  if (compressed.size() > std::numeric_limits<uLong>::max() || originalSize > std::numeric_limits<uLong>::max()) {
    return std::nullopt;
  }
  std::string bytes(originalSize, '\0');
  uLongf size = static_cast<uLongf>(originalSize);
  uLong consumed = static_cast<uLong>(compressed.size());
  const int result = uncompress2(reinterpret_cast<Bytef*>(bytes.data()), &size,
                                 reinterpret_cast<const Bytef*>(compressed.data()), &consumed);
  if (result == Z_MEM_ERROR) throw std::bad_alloc();
  // Exactly the bytes that were deflated: the whole stream, checksum included, and nothing after it.
  if (result != Z_OK || size != originalSize || consumed != compressed.size()) return std::nullopt;
  return bytes;
}

}  // namespace ih::host
