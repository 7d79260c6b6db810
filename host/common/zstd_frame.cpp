// host/common/zstd_frame.cpp - see zstd_frame.h.
#include "common/zstd_frame.h"

#include <zstd.h>
#include <zstd_errors.h>

#include <memory>
#include <new>
#include <stdexcept>

namespace ih::host {

namespace {

constexpr int kFastLevel = 1;

// RFC 8878 3.1.1.1.1: the frame header descriptor follows the 4-byte magic
// number, and its bit 2 says whether a content checksum ends the frame.
constexpr std::size_t kFrameHeaderDescriptorOffset = 4;
constexpr unsigned char kContentChecksumFlag = 0x04;

struct CompressContextFree {
  void operator()(ZSTD_CCtx* context) const { ZSTD_freeCCtx(context); }
};
struct DecompressContextFree {
  void operator()(ZSTD_DCtx* context) const { ZSTD_freeDCtx(context); }
};

// A context's tables are allocated on first use and reused: each thread that
// compresses (every event loop acknowledges deliveries) keeps one, as it
// kept a zlib stream before, rather than paying their set-up per body.
ZSTD_CCtx& threadCompressContext() {
  thread_local const std::unique_ptr<ZSTD_CCtx, CompressContextFree> context = [] {
    std::unique_ptr<ZSTD_CCtx, CompressContextFree> made(ZSTD_createCCtx());
    if (!made) throw std::bad_alloc();
    if (ZSTD_isError(ZSTD_CCtx_setParameter(made.get(), ZSTD_c_compressionLevel, kFastLevel)) ||
        ZSTD_isError(ZSTD_CCtx_setParameter(made.get(), ZSTD_c_checksumFlag, 1))) {
      throw std::runtime_error("zstd: cannot set the compression parameters");
    }
    return made;
  }();
  return *context;
}

ZSTD_DCtx& threadDecompressContext() {
  thread_local const std::unique_ptr<ZSTD_DCtx, DecompressContextFree> context(ZSTD_createDCtx());
  if (!context) throw std::bad_alloc();
  return *context;
}

}  // namespace

std::string compressFrame(std::string_view bytes) {
  std::string frame(ZSTD_compressBound(bytes.size()), '\0');
  // compress2 starts a new frame with the context's parameters each call.
  const std::size_t size =
      ZSTD_compress2(&threadCompressContext(), frame.data(), frame.size(), bytes.data(), bytes.size());
  if (ZSTD_isError(size)) throw std::runtime_error(std::string("zstd: ") + ZSTD_getErrorName(size));
  frame.resize(size);
  return frame;
}

std::optional<std::string> decompressFrame(std::string_view frame, std::size_t originalSize) {
  if (frame.size() <= kFrameHeaderDescriptorOffset ||
      !(static_cast<unsigned char>(frame[kFrameHeaderDescriptorOffset]) & kContentChecksumFlag)) {
    return std::nullopt;
  }
  // One whole frame and nothing after it, stating the size asked for, before
  // anything is allocated for it. (The size functions' errors are sizes from
  // ZSTD_CONTENTSIZE_ERROR up.)
  if (originalSize >= ZSTD_CONTENTSIZE_ERROR ||
      ZSTD_findFrameCompressedSize(frame.data(), frame.size()) != frame.size() ||
      ZSTD_getFrameContentSize(frame.data(), frame.size()) != originalSize) {
    return std::nullopt;
  }
  std::string bytes(originalSize, '\0');
  const std::size_t size =
      ZSTD_decompressDCtx(&threadDecompressContext(), bytes.data(), bytes.size(), frame.data(), frame.size());
  if (ZSTD_isError(size)) {
    if (ZSTD_getErrorCode(size) == ZSTD_error_memory_allocation) throw std::bad_alloc();
    return std::nullopt;
  }
  if (size != originalSize) return std::nullopt;
  return bytes;
}

}  // namespace ih::host
