// tests/unit/host/support/zlib_streams.cpp - see zlib_streams.h.
#include "support/zlib_streams.h"

#include <zlib.h>

#include <stdexcept>

namespace ih::test {

std::string deflateAsAnOlderHost(const std::string& bytes) {
  uLongf size = compressBound(static_cast<uLong>(bytes.size()));
  std::string compressed(size, '\0');
  if (compress2(reinterpret_cast<Bytef*>(compressed.data()), &size, reinterpret_cast<const Bytef*>(bytes.data()),
                static_cast<uLong>(bytes.size()), 1) != Z_OK) {
    throw std::runtime_error("zlib could not compress the test's bytes");
  }
  compressed.resize(size);
  return compressed;
}

}  // namespace ih::test
