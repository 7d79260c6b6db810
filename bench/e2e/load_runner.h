// bench/e2e/load_runner.h - a closed-loop HTTP load generator: C keep-alive
// connections, each on its own thread, each sending its next request as soon
// as the previous answer arrived (as wrk does), timing every request from
// send to the last byte of the answer. Requests come from a RequestSource, so
// each connection can own its own tickets and watermarks.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace ih::bench {

struct LoadRequest {
  std::string path;  // and query
  std::string body;
  int expectedStatus = 200;
};

// (connection index, that connection's request number) -> the next request.
// Called on the connection's thread.
using RequestSource = std::function<LoadRequest(int connection, uint64_t sequence)>;

struct LoadPlan {
  std::string host = "127.0.0.1";
  int port = 0;
  int connections = 1;
  std::chrono::milliseconds duration{0};  // stop after this long, or
  std::optional<uint64_t> totalRequests;  // after this many requests in all
};

struct LoadResult {
  uint64_t requests = 0;
  uint64_t unexpected = 0;  // answered with another status, or not answered
  std::string firstProblem;
  double seconds = 0;
  std::vector<double> latenciesMs;

  double perSecond() const { return seconds > 0 ? static_cast<double>(requests) / seconds : 0; }
};

LoadResult runLoad(const LoadPlan& plan, const RequestSource& source);

}  // namespace ih::bench
