// tests/unit/host/support/backend.h - runs one test body against each
// storage backend: a fresh, migrated database per test (an SQLite file in a
// temp dir, or a database on the throwaway PostgreSQL server).
//
//   class FooTest : public ih::test::BackendTest {};
//   TEST_P(FooTest, Bar) { auto uow = db().begin(); ... }
//   IH_INSTANTIATE_BACKENDS(FooTest);
//
// Test names start with Sqlite/ or Postgres/; CMake registers the Postgres
// ones as one CTest entry per binary labelled `unit;postgres`.
#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "storage/database.h"
#include "support/temp_dir.h"

namespace ih::test {

enum class Backend { Sqlite, Postgres };

std::string backendName(const ::testing::TestParamInfo<Backend>& info);

class BackendTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override;
  void TearDown() override;

  host::storage::Database& db() { return *db_; }
  bool isPostgres() const { return GetParam() == Backend::Postgres; }
  // A URL of a new, empty (unmigrated) database on the same backend.
  std::string emptyDatabaseUrl();
  // Another Database on the same store as db(), as a second process would have.
  std::unique_ptr<host::storage::Database> openAgain(const host::storage::DatabaseOptions& options = {});

  // Runs `body(uow)` in a unit of work and commits; returns what it returns.
  template <class Body>
  auto inTransaction(Body&& body) {
    auto uow = db_->begin();
    if constexpr (std::is_void_v<decltype(body(*uow))>) {
      body(*uow);
      uow->commit();
    } else {
      auto result = body(*uow);
      uow->commit();
      return result;
    }
  }

 private:
  std::string newUrl(bool migrated);

  std::unique_ptr<ih::testing::TempDir> dir_;
  std::string url_;
  std::vector<std::string> createdUrls_;
  std::unique_ptr<host::storage::Database> db_;
  int sqliteFiles_ = 0;
};

#define IH_INSTANTIATE_BACKENDS(Suite)                                                                              \
  INSTANTIATE_TEST_SUITE_P(Sqlite, Suite, ::testing::Values(::ih::test::Backend::Sqlite), ::ih::test::backendName); \
  INSTANTIATE_TEST_SUITE_P(Postgres, Suite, ::testing::Values(::ih::test::Backend::Postgres), ::ih::test::backendName)

// A case that holds for one engine only (a SQLite query plan, SQLite's
// database-wide writer lock, PostgreSQL's row locks) gets a suite of its own
// instantiated on that engine, rather than a case on the other engine that
// reports itself skipped.
#define IH_INSTANTIATE_SQLITE_ONLY(Suite) \
  INSTANTIATE_TEST_SUITE_P(Sqlite, Suite, ::testing::Values(::ih::test::Backend::Sqlite), ::ih::test::backendName)
#define IH_INSTANTIATE_POSTGRES_ONLY(Suite) \
  INSTANTIATE_TEST_SUITE_P(Postgres, Suite, ::testing::Values(::ih::test::Backend::Postgres), ::ih::test::backendName)

}  // namespace ih::test
