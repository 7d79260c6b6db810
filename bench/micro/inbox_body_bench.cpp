// What an acknowledgement does to a delivery's body before storing it in the
// webhook inbox (storage::InboxRepository::encodeBody: zstd, then base64),
// on the request's own thread for every assignee delivery; and the
// applier's way back (common/zstd_frame.h). `stored_bytes` is the column's
// size: what the group commit writes and flushes.
#include <benchmark/benchmark.h>

#include "common/zstd_frame.h"
#include "payloads/jira_payload.h"
#include "storage/inbox_repository.h"

namespace {

void encodeInboxBody(benchmark::State& state) {
  const std::string body = ih::bench::sampleAssigneeChangePayload();
  std::size_t stored = 0;
  for (auto _ : state) {
    std::string column = ih::host::storage::InboxRepository::encodeBody(body);
    stored = column.size();
    benchmark::DoNotOptimize(column);
  }
  state.counters["body_bytes"] = static_cast<double>(body.size());
  state.counters["stored_bytes"] = static_cast<double>(stored);
}
BENCHMARK(encodeInboxBody);

void decompressInboxBody(benchmark::State& state) {
  const std::string body = ih::bench::sampleAssigneeChangePayload();
  const std::string frame = ih::host::compressFrame(body);
  for (auto _ : state) {
    std::optional<std::string> back = ih::host::decompressFrame(frame, body.size());
    if (!back) state.SkipWithError("the frame does not decompress");
    benchmark::DoNotOptimize(back);
  }
}
BENCHMARK(decompressInboxBody);

}  // namespace
