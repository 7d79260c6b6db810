// bench/e2e/bench_options.h - the end-to-end benchmark's command line. The
// defaults are the figures in docs/benchmarks.md; smaller values make a
// quick smoke run (scripts/bench --quick).
#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

namespace ih::bench {

struct BenchOptions {
  int tickets = 1000;          // linked tickets carrying the webhook load
  double seconds = 10;         // measured time per (kind, connections) cell
  double warmupSeconds = 2;    // unmeasured load before each cell
  std::vector<int> connections = {1, 4, 16};
  int outboundRuns = 50;
  long memoryDeliveries = 50000;  // assignee deliveries of the memory phase
  long memoryStep = 10000;        // memory is sampled after every step
  int memoryConnections = 4;
  std::set<std::string> phases = {"load", "outbound", "memory"};
  std::map<std::string, std::string> hostEnv;  // --host-env NAME=VALUE, repeatable
  std::vector<std::string> hostArgs;  // --host-arg ARG, repeatable
  std::string sceneDir;  // --scene-dir: serve the set-up host to wrk instead of running phases
};

// Throws std::invalid_argument with a usage line on a bad option; `--help`
// prints the usage and exits 0.
BenchOptions parseOptions(int argc, char** argv);

}  // namespace ih::bench
