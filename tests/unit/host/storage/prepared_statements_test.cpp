// The statements each pooled connection keeps prepared (prepared_statements.h):
// prepared once per connection, one statement per query, typed values, and a
// connection that stays usable after a statement failed half-way.
#include <gtest/gtest.h>

#include <Poco/Data/SQLite/Utility.h>
#include <sqlite3.h>

#include <cstdint>
#include <limits>
#include <optional>
#include <string>

#include "storage/database.h"
#include "storage/query.h"
#include "storage/storage_error.h"
#include "support/backend.h"

namespace ih::host::storage {
namespace {

class PreparedStatementsTest : public ih::test::BackendTest {
 protected:
  // How many statements with this text the connection holds prepared, as the
  // database itself lists them (PostgreSQL: pg_prepared_statements; SQLite:
  // the connection's statement list).
  int64_t preparedCopies(UnitOfWork& uow, const std::string& portableSql) {
    if (isPostgres()) {
      return Query(uow, "SELECT COUNT(*) FROM pg_prepared_statements WHERE statement = ?")
          .bind(uow.sql(portableSql))
          .scalarInt64();
    }
    sqlite3* connection = Poco::Data::SQLite::Utility::dbHandle(uow.session());
    int64_t copies = 0;
    for (sqlite3_stmt* statement = sqlite3_next_stmt(connection, nullptr); statement != nullptr;
         statement = sqlite3_next_stmt(connection, statement)) {
      if (portableSql == sqlite3_sql(statement)) ++copies;
    }
    return copies;
  }
};

// Poco::Data prepared (and on PostgreSQL also DEALLOCATEd) every statement
// anew, a parse and plan per call. Each unit of work here gets the pool's one
// idle connection, so the later rounds find the statement already prepared.
TEST_P(PreparedStatementsTest, EachStatementIsPreparedOncePerConnection) {
  const std::string sql = "SELECT COUNT(*) FROM organizations WHERE slug = ?";
  for (int round = 0; round < 3; ++round) {
    auto uow = db().begin();
    uow->beginWrite();
    EXPECT_EQ(Query(*uow, sql).bind("acme").scalarInt64(), 0);
    EXPECT_EQ(preparedCopies(*uow, sql), 1) << "round " << round;
    uow->rollback();  // a rollback keeps the connection's prepared statements
  }
}

TEST_P(PreparedStatementsTest, AQueryRunsExactlyOneStatement) {
  auto uow = db().begin();
  EXPECT_THROW(Query(*uow, "SELECT 1; SELECT 2").rows(), StorageError);
  EXPECT_EQ(Query(*uow, "SELECT 3;").scalarInt64(), 3);  // a closing semicolon is fine
}

TEST_P(PreparedStatementsTest, EveryPlaceholderNeedsItsValue) {
  auto uow = db().begin();
  EXPECT_THROW(Query(*uow, "SELECT COUNT(*) FROM organizations WHERE slug = ?").rows(), StorageError);
  EXPECT_THROW(Query(*uow, "SELECT COUNT(*) FROM organizations WHERE slug = ?").bind("a").bind("b").rows(),
               StorageError);
  EXPECT_EQ(Query(*uow, "SELECT COUNT(*) FROM organizations WHERE slug = ?").bind("a").scalarInt64(), 0);
}

IH_INSTANTIATE_BACKENDS(PreparedStatementsTest);

// Query::executeWithNext: on PostgreSQL the write travels with the
// transaction's next statement or its COMMIT; on SQLite it runs at once.
// Either way the transaction sees it in order and stores it, or drops it.
class WriteWithNextTest : public PreparedStatementsTest {
 protected:
  static Query addOrganization(UnitOfWork& uow, const std::string& slug) {
    Query query(uow, "INSERT INTO organizations (slug, name, created_at) VALUES (?, ?, ?)");
    query.bind(slug).bind("Name").bind(1);
    return query;
  }
  int64_t organizationsStored() {
    auto reader = db().begin();
    return Query(*reader, "SELECT COUNT(*) FROM organizations").scalarInt64();
  }
};

TEST_P(WriteWithNextTest, TheNextStatementSeesTheWriteAndCommitStoresIt) {
  auto uow = db().begin();
  uow->beginWrite();
  addOrganization(*uow, "acme").executeWithNext();
  EXPECT_EQ(Query(*uow, "SELECT COUNT(*) FROM organizations WHERE slug = ?").bind("acme").scalarInt64(), 1);
  addOrganization(*uow, "beta").executeWithNext();  // sent with COMMIT
  uow->commit();
  EXPECT_EQ(organizationsStored(), 2);
}

// What the writes sent with the next statement save, counted as the host
// reports it (Database::roundTrips, /metrics).
TEST_P(WriteWithNextTest, WritesSentWithTheNextStatementTakeNoRoundTripOfTheirOwn) {
  auto uow = db().begin();
  const auto transaction = [&](const std::string& first, const std::string& second) {
    uow->beginWrite();
    addOrganization(*uow, first).executeWithNext();
    addOrganization(*uow, second).executeWithNext();
    EXPECT_EQ(Query(*uow, "SELECT COUNT(*) FROM organizations WHERE slug = ?").bind(second).scalarInt64(), 1);
    uow->commit();
  };
  transaction("acme", "beta");  // prepares its statements on this connection
  const uint64_t before = db().roundTrips();
  transaction("gamma", "delta");
  // BEGIN, both inserts and the read in one exchange, then COMMIT.
  EXPECT_EQ(db().roundTrips() - before, isPostgres() ? 2u : 0u);
  EXPECT_EQ(organizationsStored(), 4);
}

TEST_P(WriteWithNextTest, ARollbackDropsTheWritesAndTheConnectionGoesOn) {
  auto uow = db().begin();
  uow->beginWrite();
  addOrganization(*uow, "acme").executeWithNext();
  uow->rollback();
  EXPECT_EQ(organizationsStored(), 0);
  uow->beginWrite();
  addOrganization(*uow, "beta").executeWithNext();
  uow->commit();
  EXPECT_EQ(organizationsStored(), 1);
}

TEST_P(WriteWithNextTest, AFailingWriteIsThrownByTheNextStatementAndChangesNothing) {
  {
    auto uow = db().begin();
    addOrganization(*uow, "acme").execute();
  }
  auto uow = db().begin();
  uow->beginWrite();
  addOrganization(*uow, "beta").executeWithNext();
  if (isPostgres()) {
    EXPECT_NO_THROW(addOrganization(*uow, "acme").executeWithNext());
    try {
      Query(*uow, "SELECT COUNT(*) FROM organizations").scalarInt64();
      ADD_FAILURE() << "the duplicate was not reported";
    } catch (const StorageError& error) {
      EXPECT_EQ(error.kind(), StorageError::Kind::UniqueViolation) << error.what();
    }
  } else {
    EXPECT_THROW(addOrganization(*uow, "acme").executeWithNext(), StorageError);
  }
  uow->rollback();
  EXPECT_EQ(organizationsStored(), 1);
  EXPECT_EQ(Query(*uow, "SELECT COUNT(*) FROM organizations").scalarInt64(), 1);  // the connection goes on
}

TEST_P(WriteWithNextTest, AFailingWriteSentWithCommitFailsTheCommit) {
  if (!isPostgres()) GTEST_SKIP() << "SQLite runs the write at once";
  {
    auto uow = db().begin();
    addOrganization(*uow, "acme").execute();
  }
  auto uow = db().begin();
  uow->beginWrite();
  addOrganization(*uow, "beta").execute();
  addOrganization(*uow, "acme").executeWithNext();
  EXPECT_THROW(uow->commit(), StorageError);
  EXPECT_EQ(organizationsStored(), 1);
  uow->beginWrite();
  addOrganization(*uow, "gamma").execute();
  uow->commit();
  EXPECT_EQ(organizationsStored(), 2);
}

TEST_P(WriteWithNextTest, OutsideATransactionTheWriteRunsAtOnce) {
  auto uow = db().begin();
  addOrganization(*uow, "acme").executeWithNext();
  EXPECT_EQ(organizationsStored(), 1);
}

IH_INSTANTIATE_BACKENDS(WriteWithNextTest);



class SqlitePreparedStatementsTest : public PreparedStatementsTest {};

// SQLite applies no affinity to a bare parameter: an integer bound as its text
// would compare, sort and LIMIT differently.
TEST_P(SqlitePreparedStatementsTest, ValuesKeepTheirTypes) {
  auto uow = db().begin();
  auto row = Query(*uow, "SELECT typeof(?), typeof(?), typeof(?), typeof(?), ? < ?")
                 .bind(7)
                 .bind("7")
                 .bind(std::optional<int64_t>())
                 .bind(std::optional<std::string>())
                 .bind(10)
                 .bind(9)
                 .one();
  ASSERT_TRUE(row);
  EXPECT_EQ(row->text(0), "integer");
  EXPECT_EQ(row->text(1), "text");
  EXPECT_EQ(row->text(2), "null");
  EXPECT_EQ(row->text(3), "null");
  EXPECT_FALSE(row->boolean(4));  // 10 < 9 as integers; as text "10" < "9"
}

// The second row's abs() overflows: the statement fails after it produced a
// row. It must be reset all the same, or its open read would make the
// transaction's COMMIT fail ("SQL statements in progress").
TEST_P(SqlitePreparedStatementsTest, AStatementThatFailsHalfWayLeavesTheConnectionUsable) {
  const std::string failing = "SELECT abs(x) FROM (SELECT 1 AS x UNION ALL SELECT ?)";
  const int64_t overflows = std::numeric_limits<int64_t>::min();
  auto uow = db().begin();
  uow->beginWrite();
  Query(*uow, "INSERT INTO organizations (slug, name, created_at) VALUES (?, ?, ?)").bind("acme").bind("A").bind(1).execute();
  EXPECT_THROW(Query(*uow, failing).bind(overflows).rows(), StorageError);
  EXPECT_THROW(Query(*uow, failing).bind(overflows).rows(), StorageError);
  EXPECT_EQ(Query(*uow, failing).bind(-2).rows().size(), 2u);  // the same statement, reused
  ASSERT_NO_THROW(uow->commit());

  auto reader = db().begin();
  EXPECT_EQ(Query(*reader, "SELECT COUNT(*) FROM organizations WHERE slug = ?").bind("acme").scalarInt64(), 1);
}

IH_INSTANTIATE_SQLITE_ONLY(SqlitePreparedStatementsTest);

}  // namespace
}  // namespace ih::host::storage
