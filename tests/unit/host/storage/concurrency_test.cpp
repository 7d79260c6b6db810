// Concurrent writers queue instead of failing or deadlocking, and
// read-modify-write under beginWrite() never loses an update.
#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <thread>
#include <vector>

#include "storage/directory_repositories.h"
#include "storage/query.h"
#include "support/backend.h"

namespace ih::host::storage {
namespace {

class ConcurrencyTest : public ih::test::BackendTest {};

TEST_P(ConcurrencyTest, ConcurrentReadModifyWriteLosesNoUpdate) {
  const int64_t projectId = inTransaction([](UnitOfWork& uow) {
    auto org = OrganizationRepository(uow).insert("acme", "Acme", 1);
    return ProjectRepository(uow).insert(org.id, "api", {}, 1).id;
  });
  constexpr int kThreads = 4;
  constexpr int kPerThread = 25;
  std::atomic<int> failures{0};
  std::vector<std::thread> threads;
  std::vector<std::vector<int64_t>> numbers(kThreads);
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kPerThread; ++i) {
        try {
          auto uow = db().begin();
          numbers[t].push_back(ProjectRepository(*uow).nextShortNumber(projectId));
          uow->commit();
        } catch (const std::exception&) {
          ++failures;
        }
      }
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(failures.load(), 0);
  std::vector<int64_t> all;
  for (const auto& list : numbers) all.insert(all.end(), list.begin(), list.end());
  std::sort(all.begin(), all.end());
  ASSERT_EQ(all.size(), static_cast<size_t>(kThreads * kPerThread));
  for (size_t i = 0; i < all.size(); ++i) EXPECT_EQ(all[i], static_cast<int64_t>(i + 1));
}

TEST_P(ConcurrencyTest, WritersFromTwoDatabaseObjectsOnOneStoreBothSucceed) {
  // Two Database objects on one file share the writer lock (SQLite) or rely
  // on the server (PostgreSQL); neither side sees "database is locked".
  auto other = openAgain();
  std::atomic<int> failures{0};
  auto writeMany = [&](Database& database, const std::string& prefix) {
    for (int i = 0; i < 30; ++i) {
      try {
        auto uow = database.begin();
        OrganizationRepository(*uow).insert(prefix + std::to_string(i), "N", 1);
        uow->commit();
      } catch (const std::exception&) {
        ++failures;
      }
    }
  };
  std::thread first([&] { writeMany(db(), "a"); });
  std::thread second([&] { writeMany(*other, "b"); });
  first.join();
  second.join();
  EXPECT_EQ(failures.load(), 0);
  auto uow = db().begin();
  EXPECT_EQ(Query(*uow, "SELECT COUNT(*) FROM organizations").scalarInt64(), 60);
}

TEST_P(ConcurrencyTest, ReadersAreNotBlockedByAnOpenWriter) {
  inTransaction([](UnitOfWork& uow) { OrganizationRepository(uow).insert("acme", "Acme", 1); });
  auto writer = db().begin();
  OrganizationRepository(*writer).insert("beta", "Beta", 1);  // holds the write transaction
  std::atomic<int64_t> seen{-1};
  std::thread reader([&] {
    auto uow = db().begin();
    seen = Query(*uow, "SELECT COUNT(*) FROM organizations").scalarInt64();
  });
  reader.join();
  EXPECT_EQ(seen.load(), 1);  // the committed state, without waiting
  writer->commit();
}

// PostgreSQL has no database-wide writer lock, so this holds for SQLite only.
class SqliteConcurrencyTest : public ConcurrencyTest {};

TEST_P(SqliteConcurrencyTest, AWriterWaitingTooLongGetsABusyError) {
  auto impatient = openAgain({.maxConnections = 2, .busyTimeoutMs = 200});
  auto holder = db().begin();
  holder->beginWrite();
  auto waiter = impatient->begin();
  const auto started = std::chrono::steady_clock::now();
  EXPECT_THROW(waiter->beginWrite(), std::runtime_error);
  EXPECT_GE(std::chrono::steady_clock::now() - started, std::chrono::milliseconds(150));
  holder->rollback();
  EXPECT_NO_THROW(waiter->beginWrite());
}

IH_INSTANTIATE_BACKENDS(ConcurrencyTest);
IH_INSTANTIATE_SQLITE_ONLY(SqliteConcurrencyTest);

}  // namespace
}  // namespace ih::host::storage
