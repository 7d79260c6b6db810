// SQLite's writes all run on one connection (storage/writer_connection.h), so
// the pages one write read or wrote are still in its cache for the next,
// whichever unit of work (and pooled connection) each write came from.
#include <gtest/gtest.h>

#include <Poco/Data/SQLite/Utility.h>
#include <sqlite3.h>

#include <string>

#include "storage/query.h"
#include "support/backend.h"

namespace ih::host::storage {
namespace {

class SqliteWriterConnectionTest : public ih::test::BackendTest {
 protected:
  static sqlite3* handleOf(UnitOfWork& uow) { return Poco::Data::SQLite::Utility::dbHandle(uow.session()); }

  // Pages the connection had to read since the last call (SQLite's count of
  // page cache misses, reset as it is read).
  static int cacheMisses(sqlite3* connection) {
    int current = 0;
    int highest = 0;
    sqlite3_db_status(connection, SQLITE_DBSTATUS_CACHE_MISS, &current, &highest, 1);
    return current;
  }

  static void touchEveryOrganization(UnitOfWork& uow, int stamp) {
    Query(uow, "UPDATE organizations SET created_at = ?").bind(stamp).execute();
  }
};

TEST_P(SqliteWriterConnectionTest, WritesOfDifferentUnitsRunOnOneConnection) {
  auto first = db().begin();
  auto second = db().begin();  // both leased at once: two pooled connections
  ASSERT_NE(handleOf(*first), handleOf(*second));

  first->beginWrite();
  sqlite3* writer = handleOf(*first);
  Query(*first, "INSERT INTO organizations (slug, name, created_at) VALUES ('acme', 'Acme', 1)").execute();
  first->commit();
  EXPECT_NE(handleOf(*first), writer) << "after its commit a unit reads on its own connection";

  second->beginWrite();
  EXPECT_EQ(handleOf(*second), writer);
  EXPECT_EQ(Query(*second, "SELECT COUNT(*) FROM organizations").scalarInt64(), 1);
  second->rollback();
  EXPECT_EQ(Query(*second, "SELECT COUNT(*) FROM organizations").scalarInt64(), 1);
}

// Before, each write began on whatever connection its unit had leased, and in
// WAL mode that connection had dropped its cache because another one had
// committed since: every write re-read its pages from the file.
TEST_P(SqliteWriterConnectionTest, AWriteFindsThePagesOfThePreviousWriteInTheCache) {
  {
    auto setUp = db().begin();
    setUp->beginWrite();
    for (int i = 0; i < 300; ++i) {
      Query(*setUp, "INSERT INTO organizations (slug, name, created_at) VALUES (?, 'An organization name', 1)")
          .bind("org-" + std::to_string(i))
          .execute();
    }
    setUp->commit();
  }
  for (int round = 0; round < 4; ++round) {
    auto first = db().begin();
    auto second = db().begin();
    first->beginWrite();
    cacheMisses(handleOf(*first));
    touchEveryOrganization(*first, 10 + round);
    first->commit();
    second->beginWrite();
    touchEveryOrganization(*second, 20 + round);
    EXPECT_EQ(cacheMisses(handleOf(*second)), 0) << "round " << round;
    second->commit();
  }
}

IH_INSTANTIATE_SQLITE_ONLY(SqliteWriterConnectionTest);

}  // namespace
}  // namespace ih::host::storage
