// bench/e2e/latency_stats.h - percentiles of a set of latencies (nearest
// rank on the sorted samples: p99 of 1000 samples is the 990th), so tables
// report what clients saw rather than an average that hides the tail.
#pragma once

#include <cstddef>
#include <vector>

namespace ih::bench {

struct LatencySummary {
  size_t count = 0;
  double meanMs = 0, p50Ms = 0, p95Ms = 0, p99Ms = 0, maxMs = 0;
};

// Sorts `samplesMs` in place.
LatencySummary summarize(std::vector<double>& samplesMs);

}  // namespace ih::bench
