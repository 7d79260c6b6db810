#include "e2e/latency_stats.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace ih::bench {

namespace {

double percentile(const std::vector<double>& sorted, double fraction) {
  const size_t rank = static_cast<size_t>(std::ceil(fraction * static_cast<double>(sorted.size())));
  return sorted[std::clamp<size_t>(rank, 1, sorted.size()) - 1];
}

}  // namespace

LatencySummary summarize(std::vector<double>& samplesMs) {
  LatencySummary summary;
  if (samplesMs.empty()) return summary;
  std::sort(samplesMs.begin(), samplesMs.end());
  summary.count = samplesMs.size();
  summary.meanMs = std::accumulate(samplesMs.begin(), samplesMs.end(), 0.0) / static_cast<double>(summary.count);
  summary.p50Ms = percentile(samplesMs, 0.50);
  summary.p95Ms = percentile(samplesMs, 0.95);
  summary.p99Ms = percentile(samplesMs, 0.99);
  summary.maxMs = samplesMs.back();
  return summary;
}

}  // namespace ih::bench
