// host/common/zlib_inflate.h - reads webhook inbox bodies that hosts before
// zstd (common/zstd_frame.h) stored as zlib streams.
//
// Hosts of one database are upgraded one at a time, and a row an older host
// acknowledged must still be applied by a newer one. Nothing writes zlib any
// more: zlib's level 1 was a quarter of the host's CPU on an assignee
// delivery, and zstd makes a smaller body in half the time
// (docs/benchmarks.md, issue 12 "Round 18").
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace ih::host {

// The `originalSize` bytes that were compressed; nullopt when `compressed`
// is not exactly one zlib stream (RFC 1950) of that many bytes with a
// matching Adler-32. The caller keeps the size: the buffer is allocated once.
std::optional<std::string> inflateBytes(std::string_view compressed, std::size_t originalSize);

}  // namespace ih::host
