// The host process when its database goes away: on PostgreSQL (a throwaway
// server, support/postgres_server.h), the test stops the server under a
// running host. /healthz answers 503 {"status":"unavailable"} while the
// database is gone, so a load balancer or supervisor can take the host out,
// and 200 again once the database is back, without a restart; the API works
// again too, on fresh connections.
//
// Label `e2e;postgres`; skipped, saying why, where PostgreSQL's binaries are
// not installed (a failure instead under IH_REQUIRE_POSTGRES=1).
#include <gtest/gtest.h>

#include <chrono>

#include "host_process.h"
#include "support/eventually.h"
#include "support/postgres_server.h"
#include "support/temp_dir.h"
#include "support/test_paths.h"

namespace ih::e2e {
namespace {

using namespace std::chrono_literals;

constexpr const char* kToken = "outage-admin-token";

// Brings the server back even when an assertion ends the test early.
class Outage {
 public:
  explicit Outage(ih::test::PostgresServer& server) : server_(server) { server_.pause(); }
  ~Outage() { end(); }
  void end() { server_.resume(); }

 private:
  ih::test::PostgresServer& server_;
};

TEST(HostDatabaseOutage, HealthzIs503WhileTheDatabaseIsDownAndRecoversWithIt) {
  std::string whyNot;
  ih::test::PostgresServer* server = ih::test::PostgresServer::instance(whyNot);
  if (server == nullptr) GTEST_SKIP() << whyNot;
  ih::testing::TempDir dir, plugins;
  HostLaunch launch;
  launch.dataDir = dir.path() + "/data";
  launch.pluginsDir = plugins.path();
  launch.adminToken = kToken;
  launch.extraArgs = {"--database", server->createDatabase(/*migrated=*/false)};
  HostProcess host(launch);
  ASSERT_EQ(host.get("/healthz", "").status, 200);

  {
    Outage outage(*server);
    Reply down;
    EXPECT_TRUE(ih::testing::eventually([&] { return (down = host.get("/healthz", "")).status == 503; }, 10s))
        << down.describe();
    EXPECT_EQ(down.str("status"), "unavailable");
    EXPECT_GE(host.post("/api/0/organizations/", R"({"slug":"lost","name":"Lost"})", kToken).status, 500)
        << "nothing is stored while the database is gone";
    EXPECT_NE(host.process().stderrText().find("health check database failed"), std::string::npos)
        << host.process().stderrText();
    outage.end();
  }

  Reply up;
  EXPECT_TRUE(ih::testing::eventually([&] { return (up = host.get("/healthz", "")).status == 200; }, 10s))
      << up.describe();
  EXPECT_EQ(up.str("status"), "ok");
  // Every connection opened before the outage is gone with it: none is
  // handed out again, so the requests that follow all work.
  for (int i = 0; i < 8; ++i) {
    Reply created = host.post("/api/0/organizations/", R"({"slug":"back-)" + std::to_string(i) + R"(","name":"Back"})",
                              kToken);
    EXPECT_EQ(created.status, 201) << created.describe();
    EXPECT_EQ(host.get("/healthz", "").status, 200);
  }
  EXPECT_EQ(host.process().stop(), 0);
}

}  // namespace
}  // namespace ih::e2e
