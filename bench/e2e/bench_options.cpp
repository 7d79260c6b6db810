#include "e2e/bench_options.h"

#include <cstdlib>
#include <iostream>
#include <sstream>
#include <stdexcept>

namespace ih::bench {

namespace {

constexpr const char* kUsage =
    "usage: ih-bench-e2e [--tickets N] [--seconds S] [--warmup S] [--connections 1,4,16]\n"
    "                    [--outbound-runs N] [--memory-deliveries N] [--memory-step N]\n"
    "                    [--memory-connections N] [--phases load,outbound,memory]\n"
    "                    [--host-env NAME=VALUE]... [--host-arg ARG]... [--scene-dir DIR]\n"
    "  --scene-dir DIR  set up, write wrk scripts for the host into DIR and wait for DIR/done\n"
    "                   (scripts/bench --side-by-side); no phase runs";

std::vector<std::string> splitList(const std::string& text) {
  std::vector<std::string> items;
  std::istringstream in(text);
  for (std::string item; std::getline(in, item, ',');) {
    if (!item.empty()) items.push_back(item);
  }
  return items;
}

}  // namespace

BenchOptions parseOptions(int argc, char** argv) {
  BenchOptions options;
  for (int i = 1; i < argc; ++i) {
    const std::string name = argv[i];
    if (name == "--help" || name == "-h") {
      std::cout << kUsage << '\n';
      std::exit(0);
    }
    if (i + 1 >= argc) throw std::invalid_argument(name + " needs a value\n" + kUsage);
    const std::string value = argv[++i];
    if (name == "--tickets") {
      options.tickets = std::stoi(value);
    } else if (name == "--seconds") {
      options.seconds = std::stod(value);
    } else if (name == "--warmup") {
      options.warmupSeconds = std::stod(value);
    } else if (name == "--connections") {
      options.connections.clear();
      for (const auto& item : splitList(value)) options.connections.push_back(std::stoi(item));
    } else if (name == "--outbound-runs") {
      options.outboundRuns = std::stoi(value);
    } else if (name == "--memory-deliveries") {
      options.memoryDeliveries = std::stol(value);
    } else if (name == "--memory-step") {
      options.memoryStep = std::stol(value);
    } else if (name == "--memory-connections") {
      options.memoryConnections = std::stoi(value);
    } else if (name == "--phases") {
      auto phases = splitList(value);
      options.phases = std::set<std::string>(phases.begin(), phases.end());
    } else if (name == "--host-arg") {
      options.hostArgs.push_back(value);
    } else if (name == "--scene-dir") {
      options.sceneDir = value;
    } else if (name == "--host-env") {
      const size_t eq = value.find('=');
      if (eq == std::string::npos) throw std::invalid_argument("--host-env needs NAME=VALUE");
      options.hostEnv[value.substr(0, eq)] = value.substr(eq + 1);
    } else {
      throw std::invalid_argument("unknown option " + name + "\n" + kUsage);
    }
  }
  if (options.tickets < 1 || options.connections.empty() || options.memoryStep < 1) {
    throw std::invalid_argument(std::string("tickets, connections and memory step must be positive\n") + kUsage);
  }
  // Every connection owns at least one ticket (watermarks stay per connection).
  std::vector<int> counts = options.connections;
  counts.push_back(options.memoryConnections);
  for (int connections : counts) {
    if (connections < 1 || connections > options.tickets) {
      throw std::invalid_argument("every connection count must be between 1 and --tickets");
    }
  }
  return options;
}

}  // namespace ih::bench
