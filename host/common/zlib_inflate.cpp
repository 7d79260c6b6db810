// host/common/zlib_inflate.cpp - see zlib_inflate.h.
#include "common/zlib_inflate.h"

#include <zlib.h>

#include <limits>
#include <new>

namespace ih::host {

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
