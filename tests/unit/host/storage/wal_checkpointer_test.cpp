// SQLite's WAL is moved into the database file by the checkpointer's own
// thread (storage/wal_checkpointer.h), not in a writer's commit: the writers'
// automatic checkpoint is only a far bound, and written pages still reach the
// database file soon after their commit.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "support/eventually.h"
#include "storage/query.h"
#include "storage/wal_checkpointer.h"
#include "support/backend.h"

namespace ih::host::storage {
namespace {

class SqliteWalCheckpointerTest : public ih::test::BackendTest {
 protected:
  std::string databaseFile() {
    auto uow = db().begin();
    return Query(*uow, "SELECT file FROM pragma_database_list WHERE name = 'main'").one()->text(0);
  }
};

TEST_P(SqliteWalCheckpointerTest, WritersLeaveCheckpointsToItsThreadWhichCopiesTheirPagesSoon) {
  {
    auto uow = db().begin();
    uow->beginWrite();
    EXPECT_EQ(Query(*uow, "PRAGMA wal_autocheckpoint").scalarInt64(), kWriterAutoCheckpointPages);
    Query(*uow, "CREATE TABLE filler (x TEXT NOT NULL)").execute();
    uow->commit();
  }
  const auto before = std::filesystem::file_size(databaseFile());
  // About 4 MiB: past SQLite's default automatic checkpoint (1 000 pages),
  // below the writers' bound, so only the thread can move them.
  const std::string row(8 * 1024, 'x');
  for (int batch = 0; batch < 8; ++batch) {
    auto uow = db().begin();
    uow->beginWrite();
    for (int i = 0; i < 64; ++i) Query(*uow, "INSERT INTO filler (x) VALUES (?)").bind(row).execute();
    uow->commit();
  }
  EXPECT_TRUE(ih::testing::eventually(
      [&] { return std::filesystem::file_size(databaseFile()) >= before + 4 * 1024 * 1024; }, std::chrono::seconds(5)))
      << "the pages stayed in the WAL";
}

IH_INSTANTIATE_SQLITE_ONLY(SqliteWalCheckpointerTest);

}  // namespace
}  // namespace ih::host::storage
