// host/common/zstd_frame.h - compression of stored bytes (webhook inbox
// bodies), so that what an acknowledgement must write and flush is small.
//
// A Jira webhook body is 4-7 KB of JSON. Stored as is (in base64), one body
// filled three SQLite pages, and a delivery's group commit wrote and flushed
// those (docs/benchmarks.md, issue 12 "Round 11"). zstd's level 1 makes a
// 6.5 KB body 1.8 KB in ~9 us on the request's own thread, where zlib's
// level 1 took ~20 us for a larger result (issue 12 "Round 18").
//
// Each frame carries a checksum of the original bytes (XXH64), and a frame
// without one is refused, so a damaged row fails to decompress instead of
// yielding other bytes.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace ih::host {

// One zstd frame (RFC 8878) of `bytes`, with its size and checksum.
std::string compressFrame(std::string_view bytes);
// The `originalSize` bytes that compressFrame() compressed; nullopt when
// `frame` is not exactly one checksummed frame of that many bytes, or its
// checksum does not match.
std::optional<std::string> decompressFrame(std::string_view frame, std::size_t originalSize);

}  // namespace ih::host
