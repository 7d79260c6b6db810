// Durable acknowledgements, seen from outside the host: the host runs under
// the fsync probe (fsync_probe.c), which records each write and each sync of
// the SQLite WAL with the machine's monotonic clock and makes every sync
// slower. Under the default --durability a write request is answered only
// after a WAL sync that began after its commit's WAL write has returned;
// concurrent writers share syncs; requests that only read, and every request
// under --durability relaxed, wait for no sync.
//
// The writes are API writes (organizations), whose answers wait for the
// request's own commits, and webhook deliveries a plugin defers (the
// api_test plugin's "defer-" tokens), whose answers wait for the webhook
// inbox's writer thread to store them.
#include <gtest/gtest.h>

#include <chrono>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <time.h>

#include "host_process.h"
#include "support/temp_dir.h"

namespace ih::e2e {
namespace {

constexpr const char* kDurableAdmin = "durable-ack-admin-token";

long long monotonicNs() {
  timespec ts{};
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return static_cast<long long>(ts.tv_sec) * 1000000000LL + ts.tv_nsec;
}

struct WalSync {
  long long began = 0;
  long long returned = 0;
};

struct ProbeLog {
  std::vector<long long> walWrites;
  std::vector<WalSync> walSyncs;

  static ProbeLog read(const std::string& path) {
    ProbeLog log;
    std::ifstream in(path);
    std::string kind;
    while (in >> kind) {
      if (kind == "W") {
        long long at = 0;
        in >> at;
        log.walWrites.push_back(at);
      } else if (kind == "S") {
        WalSync sync;
        in >> sync.began >> sync.returned;
        log.walSyncs.push_back(sync);
      }
    }
    return log;
  }

  int syncsWithin(long long from, long long to) const {
    int count = 0;
    for (const WalSync& s : walSyncs) count += s.began >= from && s.returned <= to ? 1 : 0;
    return count;
  }
  int syncsTouching(long long from, long long to) const {
    int count = 0;
    for (const WalSync& s : walSyncs) count += s.returned >= from && s.began <= to ? 1 : 0;
    return count;
  }
};

// One request as the client saw it: sent at `sent`, answer read at `answered`.
struct Exchange {
  long long sent = 0;
  long long answered = 0;
  int status = 0;
};

class DurableAck : public ::testing::Test {
 protected:
  void launch(std::vector<std::string> extraArgs = {}, std::string pluginsDir = "") {
    HostLaunch launch;
    launch.dataDir = data_.path() + "/data";
    launch.pluginsDir = pluginsDir.empty() ? plugins_.path() : pluginsDir;
    launch.adminToken = kDurableAdmin;
    launch.extraArgs = std::move(extraArgs);
    launch.env["LD_PRELOAD"] = IH_FSYNC_PROBE;
    launch.env["FSYNC_PROBE_LOG"] = logPath();
    launch.env["FSYNC_PROBE_DELAY_MS"] = "25";
    host_ = std::make_unique<HostProcess>(launch);
  }

  Exchange createOrganization(const std::string& slug) {
    Exchange exchange;
    exchange.sent = monotonicNs();
    exchange.status = host_->post("/api/0/organizations/", R"({"slug":")" + slug + R"(","name":"Org"})", kDurableAdmin)
                          .status;
    exchange.answered = monotonicNs();
    return exchange;
  }

  // A webhook the api_test plugin acknowledges (202) before applying it.
  Exchange deliverDeferred(const std::string& body) {
    Exchange exchange;
    exchange.sent = monotonicNs();
    exchange.status = host_->post("/extensions/api-test/hook/defer-ack/", body, "").status;
    exchange.answered = monotonicNs();
    return exchange;
  }

  Exchange listOrganizations() {
    Exchange exchange;
    exchange.sent = monotonicNs();
    exchange.status = host_->get("/api/0/organizations/", kDurableAdmin).status;
    exchange.answered = monotonicNs();
    return exchange;
  }

  std::string logPath() const { return data_.path() + "/fsync-probe.log"; }
  ProbeLog probe() const { return ProbeLog::read(logPath()); }

  ih::testing::TempDir data_, plugins_;
  std::unique_ptr<HostProcess> host_;
};

TEST_F(DurableAck, AWriteIsAnsweredOnlyAfterAWalSyncThatBeganAfterItsCommitReturned) {
  launch();
  for (int i = 0; i < 6; ++i) {
    const Exchange created = createOrganization("seq-" + std::to_string(i));
    ASSERT_EQ(created.status, 201);
    const ProbeLog log = probe();
    // One request at a time and nothing else writing: the WAL writes inside
    // the exchange are this request's commit.
    long long lastWrite = 0;
    for (long long at : log.walWrites) {
      if (at >= created.sent && at <= created.answered && at > lastWrite) lastWrite = at;
    }
    ASSERT_NE(lastWrite, 0) << "request " << i << " wrote nothing to the WAL";
    EXPECT_GE(log.syncsWithin(lastWrite, created.answered), 1)
        << "request " << i << " was answered before a sync covering its commit had returned";
  }
}

TEST_F(DurableAck, ConcurrentWritersShareWalSyncsAndEachWaitsForOne) {
  launch();
  constexpr int kWriters = 16;
  constexpr int kEach = 6;
  std::vector<std::vector<Exchange>> seen(kWriters);
  std::vector<std::thread> writers;
  const long long started = monotonicNs();
  for (int w = 0; w < kWriters; ++w) {
    writers.emplace_back([&, w] {
      for (int i = 0; i < kEach; ++i) {
        seen[w].push_back(createOrganization("par-" + std::to_string(w) + "-" + std::to_string(i)));
      }
    });
  }
  for (std::thread& writer : writers) writer.join();
  const long long finished = monotonicNs();

  const ProbeLog log = probe();
  for (const auto& exchanges : seen) {
    for (const Exchange& e : exchanges) {
      ASSERT_EQ(e.status, 201);
      EXPECT_GE(log.syncsWithin(e.sent, e.answered), 1) << "a write was answered without waiting for a WAL sync";
    }
  }
  const int syncs = log.syncsWithin(started, finished);
  EXPECT_GE(syncs, 1);
  EXPECT_LE(syncs, kWriters * kEach / 2) << "concurrent commits did not share syncs";
}

// The first WAL write of each exchange is the stored request (the plugin
// writes nothing when it accepts; what applies the previous delivery has
// been given time to finish): a sync must begin after it and return before
// the answer is read.
TEST_F(DurableAck, ADeferredWebhookIsAnsweredOnlyAfterASyncCoveringItsStoredRequest) {
  launch({}, IH_API_TEST_PLUGIN_DIR);
  for (int i = 0; i < 6; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    const Exchange delivered = deliverDeferred(R"({"delivery":)" + std::to_string(i) + "}");
    ASSERT_EQ(delivered.status, 202);
    const ProbeLog log = probe();
    long long firstWrite = 0;
    for (long long at : log.walWrites) {
      if (at >= delivered.sent && at <= delivered.answered && (firstWrite == 0 || at < firstWrite)) firstWrite = at;
    }
    ASSERT_NE(firstWrite, 0) << "delivery " << i << " was answered before its request reached the WAL";
    EXPECT_GE(log.syncsWithin(firstWrite, delivered.answered), 1)
        << "delivery " << i << " was answered before a sync covering its stored request had returned";
  }
}

TEST_F(DurableAck, ConcurrentDeferredWebhooksShareSyncsAndEachWaitsForOne) {
  launch({}, IH_API_TEST_PLUGIN_DIR);
  constexpr int kSenders = 16;
  constexpr int kEach = 4;
  std::vector<std::vector<Exchange>> seen(kSenders);
  std::vector<std::thread> senders;
  const long long started = monotonicNs();
  for (int w = 0; w < kSenders; ++w) {
    senders.emplace_back([&, w] {
      for (int i = 0; i < kEach; ++i) seen[w].push_back(deliverDeferred(R"({"sender":)" + std::to_string(w) + "}"));
    });
  }
  for (std::thread& sender : senders) sender.join();
  const long long finished = monotonicNs();
  const ProbeLog log = probe();
  for (const auto& exchanges : seen) {
    for (const Exchange& e : exchanges) {
      ASSERT_EQ(e.status, 202);
      EXPECT_GE(log.syncsWithin(e.sent, e.answered), 1) << "a delivery was answered without waiting for a WAL sync";
    }
  }
  EXPECT_LE(log.syncsWithin(started, finished), kSenders * kEach / 2) << "concurrent deliveries did not share syncs";
}

TEST_F(DurableAck, RequestsThatOnlyReadWaitForNoSync) {
  launch();
  ASSERT_EQ(createOrganization("reader").status, 201);
  const long long started = monotonicNs();
  for (int i = 0; i < 5; ++i) ASSERT_EQ(listOrganizations().status, 200);
  EXPECT_EQ(probe().syncsTouching(started, monotonicNs()), 0);
}

TEST_F(DurableAck, RelaxedDurabilityAnswersWithoutWaitingForASync) {
  launch({"--durability", "relaxed"});
  const long long started = monotonicNs();
  for (int i = 0; i < 5; ++i) ASSERT_EQ(createOrganization("relaxed-" + std::to_string(i)).status, 201);
  const ProbeLog log = probe();
  EXPECT_FALSE(log.walWrites.empty()) << "the probe saw no WAL writes: it is not loaded";
  EXPECT_EQ(log.syncsTouching(started, monotonicNs()), 0);
}

TEST(DurabilityOption, AnUnknownModeIsRefusedWithAClearError) {
  std::string stderrText;
  EXPECT_EQ(HostProcess::runToExit({"--durability", "sometimes"}, &stderrText), 64);
  EXPECT_NE(stderrText.find("invalid value for --durability: 'sometimes' (expected durable or relaxed)"),
            std::string::npos)
      << stderrText;
}

}  // namespace
}  // namespace ih::e2e
