// Attack: slow and idle sockets (issue 9, finding 2), which once silenced
// the host with 17 connections. 300 connections that send nothing and 100
// that dribble one header byte every 2 s, all on loopback, are open at once;
// /healthz from a fresh client still answers within a second (p99 over 20
// probes, a correctness bound with a wide margin, not a benchmark), and the
// request deadline (--header-timeout-ms) closes the dribblers and the idle
// ones. The counts stay well under the host's --max-connections (1024) and
// the process's file limit; the attack stops by itself within seconds.
#include "hostile_target.h"

#include <algorithm>
#include <chrono>
#include <thread>
#include <vector>

#include "support/raw_connection.h"

namespace ih::e2e::hostile {
namespace {

using ih::testing::RawConnection;
using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;

constexpr int kIdleSockets = 300;
constexpr int kDribblingSockets = 100;
constexpr auto kDribbleEvery = 2s;

TEST_F(HostileClient, IdleAndDribblingSocketsNeitherSilenceHealthzNorOutliveTheDeadline) {
  const auto opened = Clock::now();
  std::vector<std::unique_ptr<RawConnection>> idle, dribbling;
  for (int i = 0; i < kIdleSockets; ++i) idle.push_back(std::make_unique<RawConnection>(hostPort()));
  for (int i = 0; i < kDribblingSockets; ++i) {
    dribbling.push_back(std::make_unique<RawConnection>(hostPort()));
    dribbling.back()->send("G");
  }

  std::vector<std::chrono::milliseconds> latencies;
  for (int probe = 0; probe < 20; ++probe) {
    const auto sent = Clock::now();
    EXPECT_TRUE(healthyWithin(5s)) << "probe " << probe << " while the sockets are open";
    latencies.push_back(std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - sent));
  }
  std::sort(latencies.begin(), latencies.end());
  const auto p99 = latencies[(latencies.size() * 99 + 99) / 100 - 1];  // nearest rank: the slowest of 20
  EXPECT_LT(p99, 1000ms) << "p99 of /healthz with " << kIdleSockets + kDribblingSockets << " hostile sockets open";

  // Dribble a byte every 2 s until the host closes them all.
  size_t closed = 0;
  while (closed < dribbling.size() && Clock::now() - opened < std::chrono::milliseconds(kHeaderTimeoutMs) + 15s) {
    closed = 0;
    for (auto& socket : dribbling) closed += socket->closedByPeer(1ms) || !socket->send("E") ? 1 : 0;
    if (closed < dribbling.size()) std::this_thread::sleep_for(kDribbleEvery);
  }
  const auto allClosedAfter = Clock::now() - opened;
  EXPECT_EQ(closed, dribbling.size()) << "dribbling connections outlived the request deadline";
  EXPECT_GE(allClosedAfter, std::chrono::milliseconds(kHeaderTimeoutMs))
      << "closed by the deadline, not refused on arrival";
  for (auto& socket : idle) {
    EXPECT_TRUE(socket->closedByPeer(5s)) << "an idle connection outlived the request deadline";
  }
}

}  // namespace
}  // namespace ih::e2e::hostile
