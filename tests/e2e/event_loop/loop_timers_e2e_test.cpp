// Arming a connection's deadline must not reprogram its event loop's timer
// (host/http/io_loops.h): each loop keeps a timer that expires before every
// connection deadline, so Asio's earliest timer stays the same while requests
// come and go. The host runs under the timerfd probe (timerfd_probe.c), which
// counts the timerfd_settime() calls Asio makes when a loop's earliest timer
// changes; without the loop's timer, these 200 requests made 400.
#include <gtest/gtest.h>

#include <fstream>
#include <string>

#include "host_process.h"
#include "support/temp_dir.h"

namespace ih::e2e {
namespace {

int timerReprogrammings(const std::string& logPath) {
  std::ifstream in(logPath);
  int count = 0;
  std::string line;
  while (std::getline(in, line)) count += line == "T" ? 1 : 0;
  return count;
}

TEST(EventLoopTimers, RequestsDoNotReprogramTheLoopsTimer) {
  ih::testing::TempDir data;
  ih::testing::TempDir plugins;
  const std::string logPath = data.path() + "/timerfd.log";
  HostLaunch launch;
  launch.dataDir = data.path() + "/data";
  launch.pluginsDir = plugins.path();
  // One loop: every request's deadlines meet the same timer queue.
  launch.extraArgs = {"--http-threads", "1"};
  launch.env["LD_PRELOAD"] = IH_TIMERFD_PROBE;
  launch.env["TIMERFD_PROBE_LOG"] = logPath;
  HostProcess host(launch);
  ASSERT_EQ(host.get("/healthz", "").status, 200);

  constexpr int kRequests = 200;
  const int before = timerReprogrammings(logPath);
  for (int i = 0; i < kRequests; ++i) ASSERT_EQ(host.get("/healthz", "").status, 200) << "request " << i;
  const int during = timerReprogrammings(logPath) - before;

  // The loop's own timer fires every 2.5 s (half the 5 s keep-alive
  // timeout) and is reprogrammed then.
  EXPECT_LT(during, kRequests / 10) << during << " timerfd_settime() calls for " << kRequests << " requests";
}

}  // namespace
}  // namespace ih::e2e
