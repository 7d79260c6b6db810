// host/http/body_limit.h - reads a request body without ever holding more
// than the configured limit in memory.
//
// A declared Content-Length over the limit is refused before reading a byte;
// a chunked (or length-less) body is counted while it streams in and refused
// as soon as it passes the limit. Both throw PayloadTooLargeError (413).
#pragma once

#include <cstddef>
#include <cstdint>
#include <istream>
#include <string>

namespace ih::host::http {

inline constexpr size_t kDefaultMaxBodyBytes = 1024 * 1024;

// contentLength < 0 means "not declared" (chunked or read-to-close).
std::string readLimitedBody(std::istream& in, int64_t contentLength, size_t maxBytes);

}  // namespace ih::host::http
