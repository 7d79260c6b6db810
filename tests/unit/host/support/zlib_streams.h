// tests/unit/host/support/zlib_streams.h - bodies as hosts before zstd
// stored them in the webhook inbox (zlib's format at level 1), for the tests
// that a newer host still reads their rows.
#pragma once

#include <string>

namespace ih::test {

std::string deflateAsAnOlderHost(const std::string& bytes);

}  // namespace ih::test
