#include "e2e/load_runner.h"

#include <atomic>
#include <limits>
#include <thread>

#include <Poco/Exception.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>

namespace ih::bench {

namespace {

using Clock = std::chrono::steady_clock;

// What one connection saw; merged after the threads joined.
struct ConnectionTally {
  uint64_t requests = 0;
  uint64_t unexpected = 0;
  std::string firstProblem;
  std::vector<double> latenciesMs;
};

class Connection {
 public:
  Connection(const LoadPlan& plan, int index)
      : session_(plan.host, static_cast<Poco::UInt16>(plan.port)), index_(index) {
    session_.setKeepAlive(true);
    session_.setTimeout(Poco::Timespan(30, 0));
  }

  // Sends one request and reads the whole answer; the status, or 0 when none came.
  int exchange(const LoadRequest& request) {
    try {
      Poco::Net::HTTPRequest post(Poco::Net::HTTPRequest::HTTP_POST, request.path, Poco::Net::HTTPMessage::HTTP_1_1);
      post.setContentType("application/json");
      post.setContentLength(static_cast<std::streamsize>(request.body.size()));
      post.setKeepAlive(true);
      session_.sendRequest(post).write(request.body.data(), static_cast<std::streamsize>(request.body.size()));
      Poco::Net::HTTPResponse response;
      std::istream& body = session_.receiveResponse(response);
      body.ignore(std::numeric_limits<std::streamsize>::max());
      return static_cast<int>(response.getStatus());
    } catch (const Poco::Exception&) {
      session_.reset();  // reconnect on the next request
      return 0;
    }
  }

  int index() const { return index_; }

 private:
  Poco::Net::HTTPClientSession session_;
  int index_;
};

bool claimRequest(const LoadPlan& plan, std::atomic<uint64_t>& issued, Clock::time_point deadline) {
  if (plan.totalRequests) return issued.fetch_add(1) < *plan.totalRequests;
  return Clock::now() < deadline;
}

void drive(const LoadPlan& plan, const RequestSource& source, Connection& connection, std::atomic<uint64_t>& issued,
           Clock::time_point deadline, ConnectionTally& tally) {
  for (uint64_t sequence = 0; claimRequest(plan, issued, deadline); ++sequence) {
    const LoadRequest request = source(connection.index(), sequence);
    const auto started = Clock::now();
    const int status = connection.exchange(request);
    tally.latenciesMs.push_back(std::chrono::duration<double, std::milli>(Clock::now() - started).count());
    ++tally.requests;
    if (status != request.expectedStatus) {
      ++tally.unexpected;
      if (tally.firstProblem.empty()) {
        tally.firstProblem = "expected " + std::to_string(request.expectedStatus) + ", got " +
                             (status == 0 ? std::string("no answer") : std::to_string(status));
      }
    }
  }
}

}  // namespace

LoadResult runLoad(const LoadPlan& plan, const RequestSource& source) {
  std::vector<ConnectionTally> tallies(static_cast<size_t>(plan.connections));
  std::atomic<uint64_t> issued{0};
  std::vector<std::thread> threads;
  const auto started = Clock::now();
  const auto deadline = started + plan.duration;
  for (int i = 0; i < plan.connections; ++i) {
    threads.emplace_back([&, i] {
      Connection connection(plan, i);
      drive(plan, source, connection, issued, deadline, tallies[static_cast<size_t>(i)]);
    });
  }
  for (auto& thread : threads) thread.join();

  LoadResult result;
  result.seconds = std::chrono::duration<double>(Clock::now() - started).count();
  for (auto& tally : tallies) {
    result.requests += tally.requests;
    result.unexpected += tally.unexpected;
    if (result.firstProblem.empty()) result.firstProblem = tally.firstProblem;
    result.latenciesMs.insert(result.latenciesMs.end(), tally.latenciesMs.begin(), tally.latenciesMs.end());
  }
  return result;
}

}  // namespace ih::bench
