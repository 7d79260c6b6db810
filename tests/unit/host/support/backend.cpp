// tests/unit/host/support/backend.cpp - see backend.h.
#include "support/backend.h"

#include "support/postgres_server.h"

namespace ih::test {

std::string backendName(const ::testing::TestParamInfo<Backend>& info) {
  return info.param == Backend::Sqlite ? "sqlite" : "postgres";
}

std::string BackendTest::newUrl(bool migrated) {
  if (GetParam() == Backend::Sqlite) {
    if (!dir_) dir_ = std::make_unique<ih::testing::TempDir>();
    const std::string url = "sqlite:" + dir_->file("host" + std::to_string(++sqliteFiles_) + ".db");
    if (migrated) host::storage::Database::open(url)->migrate();
    return url;
  }
  std::string whyNot;
  PostgresServer* server = PostgresServer::instance(whyNot);
  if (server == nullptr) throw std::logic_error(whyNot);  // SetUp skipped before we get here
  const std::string url = server->createDatabase(migrated);
  createdUrls_.push_back(url);
  return url;
}

void BackendTest::SetUp() {
  if (GetParam() == Backend::Postgres) {
    std::string whyNot;
    if (PostgresServer::instance(whyNot) == nullptr) GTEST_SKIP() << whyNot;
  }
  url_ = newUrl(true);
  db_ = host::storage::Database::open(url_);
}

void BackendTest::TearDown() {
  db_.reset();  // close its connections first: a database in use cannot be dropped
  if (GetParam() == Backend::Postgres) {
    std::string whyNot;
    if (PostgresServer* server = PostgresServer::instance(whyNot)) {
      for (const auto& url : createdUrls_) server->dropDatabase(url);
    }
  }
  dir_.reset();
}

std::string BackendTest::emptyDatabaseUrl() { return newUrl(false); }

std::unique_ptr<host::storage::Database> BackendTest::openAgain(const host::storage::DatabaseOptions& options) {
  return host::storage::Database::open(url_, options);
}

}  // namespace ih::test
