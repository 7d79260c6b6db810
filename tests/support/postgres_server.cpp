// tests/support/postgres_server.cpp - see postgres_server.h.
#include "support/postgres_server.h"

#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <pwd.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <sstream>
#include <stdexcept>

#include "storage/database.h"
#include "storage/query.h"

namespace ih::test {

namespace fs = std::filesystem;

namespace {

// The newest installed server's bin dir, e.g. /usr/lib/postgresql/15/bin.
std::optional<std::string> findBinDir() {
  std::optional<std::string> best;
  int bestVersion = -1;
  std::error_code error;
  for (const auto& entry : fs::directory_iterator("/usr/lib/postgresql", error)) {
    const fs::path bin = entry.path() / "bin";
    if (!fs::exists(bin / "initdb") || !fs::exists(bin / "pg_ctl")) continue;
    const int version = std::atoi(entry.path().filename().c_str());
    if (version > bestVersion) {
      bestVersion = version;
      best = bin.string();
    }
  }
  return best;
}

int freeLoopbackPort() {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  address.sin_port = 0;
  socklen_t length = sizeof address;
  if (fd < 0 || ::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 ||
      ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) != 0) {
    if (fd >= 0) ::close(fd);
    throw std::runtime_error("no free loopback port");
  }
  ::close(fd);
  return ntohs(address.sin_port);
}

std::string readFile(const std::string& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// Stops the server when the test program's tests are over.
class StopAtEnd : public ::testing::Environment {
 public:
  explicit StopAtEnd(PostgresServer** server) : server_(server) {}
  void TearDown() override {
    delete *server_;
    *server_ = nullptr;
  }

 private:
  PostgresServer** server_;
};

std::mutex instanceMutex;
PostgresServer* shared = nullptr;

}  // namespace

PostgresServer* PostgresServer::instance(std::string& whyNot) {
  std::lock_guard lock(instanceMutex);
  if (shared != nullptr) return shared;
  const auto binDir = findBinDir();
  if (!binDir) {
    // Where PostgreSQL must be there (scripts/test installs it), its absence
    // is a failure, not a skip that a green run would hide. The text avoids
    // the phrase CTest turns into "skipped".
    const char* required = std::getenv("IH_REQUIRE_POSTGRES");
    if (required != nullptr && std::string(required) == "1") {
      throw std::runtime_error(
          "IH_REQUIRE_POSTGRES=1, but there is no PostgreSQL under /usr/lib/postgresql/*/bin (install `postgresql`)");
    }
    whyNot = "PostgreSQL server binaries not found under /usr/lib/postgresql/*/bin (install the `postgresql` package, "
             "or set IH_REQUIRE_POSTGRES=1 to make this a failure)";
    return nullptr;
  }
  auto server = std::unique_ptr<PostgresServer>(new PostgresServer(*binDir));
  server->start();
  shared = server.release();
  ::testing::AddGlobalTestEnvironment(new StopAtEnd(&shared));
  return shared;
}

PostgresServer::PostgresServer(std::string binDir) : binDir_(std::move(binDir)) {}

PostgresServer::~PostgresServer() { stop(); }

void PostgresServer::run(const std::string& command, const std::string& what) const {
  const std::string log = root_ + "/commands.log";
  const std::string prefix = asPostgresUser_ ? "runuser -u postgres -- " : "";
  const std::string full = prefix + command + " >>" + log + " 2>&1";
  if (std::system(full.c_str()) != 0) {
    throw std::runtime_error(what + " failed: " + full + "\n" + readFile(log) + readFile(root_ + "/server.log"));
  }
}

void PostgresServer::start() {
  char pattern[] = "/tmp/ih-pg-XXXXXX";
  if (::mkdtemp(pattern) == nullptr) throw std::runtime_error("mkdtemp failed");
  root_ = pattern;
  asPostgresUser_ = ::geteuid() == 0;
  if (asPostgresUser_) {
    const passwd* user = ::getpwnam("postgres");
    if (user == nullptr) throw std::runtime_error("running as root but there is no `postgres` user to run initdb as");
    if (::chown(root_.c_str(), user->pw_uid, user->pw_gid) != 0) throw std::runtime_error("chown " + root_ + " failed");
  }
  run(binDir_ + "/initdb -D " + root_ + "/data -U postgres --auth=trust -E UTF8 --no-sync", "initdb");
  // A port picked free can be taken before the server binds it: try again.
  for (int attempt = 0;; ++attempt) {
    port_ = freeLoopbackPort();
    try {
      startOnPort();
      break;
    } catch (const std::runtime_error&) {
      if (attempt == 2) throw;
    }
  }
}

void PostgresServer::startOnPort() {
  run(binDir_ + "/pg_ctl start -w -t 60 -D " + root_ + "/data -l " + root_ + "/server.log -o \"-p " +
          std::to_string(port_) + " -k " + root_ +
          " -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off\"",
      "pg_ctl start");
  running_ = true;
}

void PostgresServer::pause() {
  if (!running_) return;
  run(binDir_ + "/pg_ctl stop -m immediate -w -D " + root_ + "/data", "pg_ctl stop");
  running_ = false;
}

void PostgresServer::resume() {
  if (!running_) startOnPort();
}

void PostgresServer::stop() {
  if (running_) {
    try {
      run(binDir_ + "/pg_ctl stop -m immediate -D " + root_ + "/data", "pg_ctl stop");
    } catch (const std::exception&) {
      // best effort: the directory goes anyway
    }
    running_ = false;
  }
  if (!root_.empty()) {
    std::error_code ignored;
    fs::remove_all(root_, ignored);
  }
}

std::string PostgresServer::urlFor(const std::string& database) const {
  return "postgresql://postgres@127.0.0.1:" + std::to_string(port_) + "/" + database;
}

std::string PostgresServer::adminUrl() const { return urlFor("postgres"); }

std::string PostgresServer::createDatabase(bool migrated) {
  auto admin = host::storage::Database::open(adminUrl(), {.maxConnections = 1});
  if (migrated && !templateReady_) {
    // Migrations run once; every test database is a copy of the result.
    host::storage::Query(*admin->begin(), "CREATE DATABASE ih_template").execute();
    {
      auto templateDb = host::storage::Database::open(urlFor("ih_template"), {.maxConnections = 1});
      templateDb->migrate();
    }  // closed: a template must have no connections when it is copied
    templateReady_ = true;
  }
  const std::string name = "ih_test_" + std::to_string(++nextDatabase_);
  host::storage::Query(*admin->begin(),
                       "CREATE DATABASE " + name + " TEMPLATE " + (migrated ? "ih_template" : "template0"))
      .execute();
  return urlFor(name);
}

void PostgresServer::dropDatabase(const std::string& url) {
  const std::string name = url.substr(url.rfind('/') + 1);
  auto admin = host::storage::Database::open(adminUrl(), {.maxConnections = 1});
  host::storage::Query(*admin->begin(), "DROP DATABASE IF EXISTS " + name).execute();
}

}  // namespace ih::test
