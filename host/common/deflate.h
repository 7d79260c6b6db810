// host/common/deflate.h - zlib compression of stored bytes (webhook inbox
// bodies), so that what an acknowledgement must write and flush is small.
//
// A Jira webhook body is 4-7 KB of JSON that deflates to about a quarter in
// ~15 us. Stored as is (in base64), one body filled three SQLite pages, and
// a delivery's group commit wrote and flushed those (docs/benchmarks.md,
// issue 12 "Round 11").
//
// zlib's own format (RFC 1950) carries an Adler-32 of the original bytes, so
// a damaged row fails to inflate instead of yielding other bytes. zlib comes
// with Poco::Foundation; its one-call API beats Poco::DeflatingOutputStream's
// per-stream buffers for a body at a time.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace ih::host {

// Fast compression (level 1): it runs on every acknowledged delivery.
std::string deflateBytes(std::string_view bytes);
// The `originalSize` bytes that deflateBytes() compressed; nullopt when
// `compressed` is not exactly one zlib stream of that many bytes with a
// matching checksum. The caller keeps the size: the buffer is allocated once.
std::optional<std::string> inflateBytes(std::string_view compressed, std::size_t originalSize);

}  // namespace ih::host
