// Units of work: lazy write transactions, commit/rollback, after-commit hooks.
#include <gtest/gtest.h>

#include "storage/database.h"
#include "storage/query.h"
#include "storage/storage_error.h"
#include "support/backend.h"

namespace ih::host::storage {
namespace {

class UnitOfWorkTest : public ih::test::BackendTest {
 protected:
  int64_t countOrganizations() {
    auto uow = db().begin();
    return Query(*uow, "SELECT COUNT(*) FROM organizations").scalarInt64();
  }
  void insertOrganization(UnitOfWork& uow, const std::string& slug) {
    uow.beginWrite();
    Query(uow, "INSERT INTO organizations (slug, name, created_at) VALUES (?, ?, ?)")
        .bind(slug)
        .bind("N")
        .bind(1)
        .execute();
  }
};

TEST_P(UnitOfWorkTest, ReadsNeedNoTransaction) {
  auto uow = db().begin();
  EXPECT_FALSE(uow->inTransaction());
  EXPECT_EQ(Query(*uow, "SELECT COUNT(*) FROM organizations").scalarInt64(), 0);
  EXPECT_FALSE(uow->inTransaction());
}

TEST_P(UnitOfWorkTest, CommitMakesWritesVisibleAndRunsHooksAfterwards) {
  auto uow = db().begin();
  insertOrganization(*uow, "acme");
  EXPECT_TRUE(uow->inTransaction());
  int hookRuns = 0;
  int64_t seenByHook = -1;
  uow->afterCommit([&] {
    ++hookRuns;
    seenByHook = countOrganizations();  // another connection already sees the row
  });
  EXPECT_EQ(hookRuns, 0);
  uow->commit();
  EXPECT_FALSE(uow->inTransaction());
  EXPECT_EQ(hookRuns, 1);
  EXPECT_EQ(seenByHook, 1);
  uow->commit();  // hooks run once
  EXPECT_EQ(hookRuns, 1);
}

TEST_P(UnitOfWorkTest, UncommittedWritesAreInvisibleToOthers) {
  auto writer = db().begin();
  insertOrganization(*writer, "acme");
  EXPECT_EQ(countOrganizations(), 0);
  writer->commit();
  EXPECT_EQ(countOrganizations(), 1);
}

TEST_P(UnitOfWorkTest, RollbackDiscardsWritesAndHooks) {
  auto uow = db().begin();
  insertOrganization(*uow, "acme");
  bool hookRan = false;
  uow->afterCommit([&] { hookRan = true; });
  uow->rollback();
  EXPECT_FALSE(uow->inTransaction());
  uow->commit();
  EXPECT_FALSE(hookRan);
  EXPECT_EQ(countOrganizations(), 0);
}

TEST_P(UnitOfWorkTest, DestroyingWithoutCommitRollsBack) {
  {
    auto uow = db().begin();
    insertOrganization(*uow, "acme");
  }
  EXPECT_EQ(countOrganizations(), 0);
  // ... and the connection went back to the pool usable.
  auto uow = db().begin();
  insertOrganization(*uow, "beta");
  uow->commit();
  EXPECT_EQ(countOrganizations(), 1);
}

TEST_P(UnitOfWorkTest, CommitWithoutTransactionStillRunsHooks) {
  auto uow = db().begin();
  int hookRuns = 0;
  uow->afterCommit([&] { ++hookRuns; });
  uow->commit();
  EXPECT_EQ(hookRuns, 1);
}

TEST_P(UnitOfWorkTest, AFailingHookDoesNotStopTheOthers) {
  auto uow = db().begin();
  int hookRuns = 0;
  uow->afterCommit([] { throw std::runtime_error("boom"); });
  uow->afterCommit([&] { ++hookRuns; });
  EXPECT_NO_THROW(uow->commit());
  EXPECT_EQ(hookRuns, 1);
}

TEST_P(UnitOfWorkTest, SqlErrorsBecomeStorageErrorsAndUniqueViolationsAreRecognised) {
  auto uow = db().begin();
  insertOrganization(*uow, "acme");
  uow->commit();
  auto second = db().begin();
  try {
    insertOrganization(*second, "acme");
    FAIL() << "expected a unique violation";
  } catch (const StorageError& error) {
    EXPECT_EQ(error.kind(), StorageError::Kind::UniqueViolation);
  }
  second->rollback();
  EXPECT_THROW(Query(*second, "SELECT nonsense FROM nowhere").rows(), StorageError);
}

TEST_P(UnitOfWorkTest, ForeignKeysAreEnforced) {
  auto uow = db().begin();
  uow->beginWrite();
  EXPECT_THROW(Query(*uow, "INSERT INTO teams (organization_id, slug, created_at) VALUES (?, ?, ?)")
                   .bind(int64_t{999})
                   .bind("t")
                   .bind(1)
                   .execute(),
               StorageError);
}

TEST_P(UnitOfWorkTest, NullsAndLargeIntegersRoundTrip) {
  auto uow = db().begin();
  uow->beginWrite();
  const int64_t big = 4'102'444'800'000;  // beyond 32 bits
  const int64_t id = Query(*uow,
                           "INSERT INTO jobs (plugin_key, kind, payload, ordering_key, organization_id, state,"
                           " attempts, max_attempts, run_at, created_at, updated_at)"
                           " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id")
                         .bind("")
                         .bind("k")
                         .bind("{\"q\":\"it's ?\"}")
                         .bind(std::optional<std::string>())
                         .bind(std::optional<int64_t>())
                         .bind("pending")
                         .bind(0)
                         .bind(1)
                         .bind(big)
                         .bind(big)
                         .bind(big)
                         .scalarInt64();
  auto row = Query(*uow, "SELECT ordering_key, organization_id, run_at, payload FROM jobs WHERE id = ?").bind(id).one();
  ASSERT_TRUE(row);
  EXPECT_TRUE(row->isNull(0));
  EXPECT_FALSE(row->optInt64(1).has_value());
  EXPECT_EQ(row->int64(2), big);
  EXPECT_EQ(row->text(3), "{\"q\":\"it's ?\"}");
}

IH_INSTANTIATE_BACKENDS(UnitOfWorkTest);

// Each pooled SQLite connection has its own page cache; at SQLite's default
// (2000 KiB) a full pool kept 32 MB of RSS after a burst of writes.
class SqliteConnectionMemoryTest : public ih::test::BackendTest {};

TEST_P(SqliteConnectionMemoryTest, EveryPooledConnectionHasTheBoundedPageCache) {
  auto first = db().begin();
  auto second = db().begin();  // held at once: a second connection from the pool
  for (UnitOfWork* uow : {first.get(), second.get()}) {
    EXPECT_EQ(Query(*uow, "PRAGMA cache_size").scalarInt64(), -kSqlitePageCacheKiB);
  }
}

IH_INSTANTIATE_SQLITE_ONLY(SqliteConnectionMemoryTest);

}  // namespace
}  // namespace ih::host::storage
