// The access log's batch writer (ops/access_log.h): every line, whole, in
// order and in the host's log format, written by flush(), by the timer and
// at destruction.
#include "ops/access_log.h"

#include <gtest/gtest.h>

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <regex>
#include <string>
#include <thread>
#include <vector>

namespace ih::host::ops {
namespace {

using namespace std::chrono_literals;

class AccessLogTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_EQ(::pipe2(fds_, O_CLOEXEC), 0);
    ASSERT_EQ(::fcntl(fds_[0], F_SETFL, O_NONBLOCK), 0);
  }
  void TearDown() override {
    ::close(fds_[0]);
    ::close(fds_[1]);
  }
  // Everything written to the pipe so far.
  std::string drain() {
    char buffer[65536];
    for (;;) {
      const ssize_t n = ::read(fds_[0], buffer, sizeof buffer);
      if (n <= 0) break;
      read_.append(buffer, static_cast<size_t>(n));
    }
    return read_;
  }
  int fds_[2] = {-1, -1};
  std::string read_;
};

TEST_F(AccessLogTest, FlushWritesEveryLineInTheHostsFormat) {
  AccessLog log(fds_[1], 1h);
  log.record("GET", "/healthz", 200, 0.31);
  log.record("POST", "/extensions/jira_server/webhook/{token}", 401, 12.0);
  EXPECT_EQ(drain(), "") << "nothing is written before the batch is due";
  log.flush();
  const std::string text = drain();
  const std::regex line(
      R"(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z Information ih\.http\.access: (.*)\n)");
  std::vector<std::string> messages;
  for (std::sregex_iterator it(text.begin(), text.end(), line), end; it != end; ++it) messages.push_back((*it)[1]);
  ASSERT_EQ(messages.size(), 2u) << text;
  EXPECT_EQ(messages[0], "GET /healthz 200 0.3ms");
  EXPECT_EQ(messages[1], "POST /extensions/jira_server/webhook/{token} 401 12.0ms");
}

TEST_F(AccessLogTest, TheTimerWritesWithoutAFlush) {
  AccessLog log(fds_[1], 20ms);
  log.record("GET", "/healthz", 200, 1.0);
  const auto deadline = std::chrono::steady_clock::now() + 5s;
  while (drain().find("GET /healthz 200") == std::string::npos && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(5ms);
  }
  EXPECT_NE(drain().find("GET /healthz 200 1.0ms\n"), std::string::npos);
}

TEST_F(AccessLogTest, DestructionWritesWhatIsLeft) {
  {
    AccessLog log(fds_[1], 1h);
    for (int i = 0; i < 100; ++i) log.record("GET", "/r" + std::to_string(i), 200, 1.0);
  }
  const std::string text = drain();
  size_t at = 0;
  for (int i = 0; i < 100; ++i) {
    const std::string expected = "GET /r" + std::to_string(i) + " 200 1.0ms\n";
    const size_t found = text.find(expected, at);
    ASSERT_NE(found, std::string::npos) << "line " << i << " missing or out of order";
    at = found + expected.size();
  }
}

TEST_F(AccessLogTest, LinesFromManyThreadsStayWhole) {
  {
    AccessLog log(fds_[1], 1ms);
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t) {
      threads.emplace_back([&log, t] {
        for (int i = 0; i < 200; ++i) log.record("PUT", "/t" + std::to_string(t), 204, 2.5);
      });
    }
    for (auto& thread : threads) thread.join();
  }
  const std::string text = drain();
  const std::regex line(R"(\S+Z Information ih\.http\.access: PUT /t[0-3] 204 2\.5ms\n)");
  size_t lines = 0;
  for (std::sregex_iterator it(text.begin(), text.end(), line), end; it != end; ++it) ++lines;
  EXPECT_EQ(lines, 800u);
  EXPECT_EQ(static_cast<size_t>(std::count(text.begin(), text.end(), '\n')), 800u);
}

}  // namespace
}  // namespace ih::host::ops
