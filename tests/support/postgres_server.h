// tests/support/postgres_server.h - a throwaway PostgreSQL server for the
// backend-typed unit tests and the host's PostgreSQL end-to-end tests, started
// once per test process.
//
// initdb into a temp dir, pg_ctl start on a free loopback port with the
// socket in that dir, fsync off (tests need no durability). initdb refuses
// to run as root, so as root the commands run as the `postgres` user. The
// server is stopped and its directory removed when the process's tests end.
// Each test gets its own database, cloned from a migrated template.
#pragma once

#include <memory>
#include <optional>
#include <string>

namespace ih::test {

class PostgresServer {
 public:
  // The shared server, started on first use. Null (with `whyNot` set) when
  // PostgreSQL's binaries are not installed, and the callers skip, saying
  // why; throws if they are but fail, or if they are missing while the
  // environment says IH_REQUIRE_POSTGRES=1 (as scripts/test does).
  static PostgresServer* instance(std::string& whyNot);

  // A new database (migrated, or empty); returns its URL.
  std::string createDatabase(bool migrated = true);
  void dropDatabase(const std::string& url);

  // Stops the server the way a crash does (pg_ctl stop -m immediate: clients
  // see their connections drop), keeping its data, and starts it again on
  // the same port: for tests of what a client does while its database is
  // gone and after it is back.
  void pause();
  void resume();

  ~PostgresServer();

 private:
  PostgresServer(std::string binDir);
  void start();
  void stop();
  void startOnPort();  // pg_ctl start on port_
  std::string adminUrl() const;
  std::string urlFor(const std::string& database) const;
  void run(const std::string& command, const std::string& what) const;

  std::string binDir_;
  std::string root_;  // temp dir: data/, socket, log
  int port_ = 0;
  bool asPostgresUser_ = false;
  bool running_ = false;
  int nextDatabase_ = 0;
  bool templateReady_ = false;
};

}  // namespace ih::test
