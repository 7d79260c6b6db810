// Parsing of --database URLs and what they become.
#include "storage/database_url.h"

#include <gtest/gtest.h>

#include <sys/stat.h>

#include <fstream>
#include <stdexcept>

#include "storage/database.h"
#include "support/temp_dir.h"

namespace ih::host::storage {
namespace {

TEST(DatabaseUrlTest, SqliteTakesTheRestAsAPath) {
  EXPECT_EQ(parseDatabaseUrl("sqlite:var/host.db").sqlitePath, "var/host.db");
  EXPECT_EQ(parseDatabaseUrl("sqlite:///tmp/host.db").sqlitePath, "/tmp/host.db");
  EXPECT_EQ(parseDatabaseUrl("sqlite:/tmp/host.db").describe(), "sqlite:/tmp/host.db");
}

TEST(DatabaseUrlTest, SqliteRefusesEmptyAndInMemory) {
  EXPECT_THROW(parseDatabaseUrl("sqlite:"), std::runtime_error);
  EXPECT_THROW(parseDatabaseUrl("sqlite::memory:"), std::runtime_error);
}

TEST(DatabaseUrlTest, PostgresSplitsAllParts) {
  const auto url = parseDatabaseUrl("postgresql://app:s%40cret@db.example.test:5433/host?sslmode=disable");
  EXPECT_EQ(url.kind, DatabaseUrl::Kind::Postgres);
  EXPECT_EQ(url.user, "app");
  EXPECT_EQ(url.password, "s@cret");
  EXPECT_EQ(url.host, "db.example.test");
  EXPECT_EQ(url.port, "5433");
  EXPECT_EQ(url.database, "host");
  ASSERT_EQ(url.params.size(), 1u);
  EXPECT_EQ(url.params[0].first, "sslmode");
  EXPECT_EQ(url.postgresConnectionString(),
            "host=db.example.test port=5433 user=app password=s@cret dbname=host sslmode=disable");
}

// A host on the database's machine connects over the Unix-domain socket
// (docs/deployment.md): libpq takes a directory as the host.
TEST(DatabaseUrlTest, PostgresUnixSocketDirectoryComesAsTheHostParameter) {
  const auto url = parseDatabaseUrl("postgresql://app@:5433/host?host=/run/postgresql");
  EXPECT_EQ(url.host, "");
  EXPECT_EQ(url.postgresConnectionString(), "port=5433 user=app dbname=host host=/run/postgresql");
  EXPECT_EQ(parseDatabaseUrl("postgresql://app@%2Frun%2Fpostgresql/host").postgresConnectionString(),
            "host=/run/postgresql user=app dbname=host");
}

TEST(DatabaseUrlTest, DescribeMasksThePassword) {
  const auto url = parseDatabaseUrl("postgres://app:topsecret@[::1]:5432/host");
  EXPECT_EQ(url.host, "::1");
  EXPECT_EQ(url.describe(), "postgresql://app:***@[::1]:5432/host");
  EXPECT_EQ(url.describe().find("topsecret"), std::string::npos);
}

TEST(DatabaseUrlTest, ConnectionStringEscapesQuotesAndRefusesWhitespace) {
  EXPECT_EQ(parseDatabaseUrl("postgresql://u:it%27s@h/d").postgresConnectionString(),
            "host=h user=u password=it\\'s dbname=d");
  EXPECT_THROW(parseDatabaseUrl("postgresql://u:a%20b@h/d").postgresConnectionString(), std::runtime_error);
}

TEST(DatabaseUrlTest, RejectsBadInputWithOneClearLine) {
  try {
    parseDatabaseUrl("mysql://x");
    FAIL() << "expected an error";
  } catch (const std::runtime_error& error) {
    EXPECT_NE(std::string(error.what()).find("sqlite:PATH or postgresql://"), std::string::npos);
  }
  EXPECT_THROW(parseDatabaseUrl("postgresql://h:99999/d"), std::runtime_error);
  EXPECT_THROW(parseDatabaseUrl("postgresql://h:port/d"), std::runtime_error);
  EXPECT_THROW(parseDatabaseUrl("postgresql://u:p%zz@h/d"), std::runtime_error);
}

TEST(DatabaseOpenTest, UnreachableServerFailsAtOpenWithoutThePassword) {
  try {
    Database::open("postgresql://u:hunter2@127.0.0.1:1/none");
    FAIL() << "expected an error";
  } catch (const std::runtime_error& error) {
    const std::string message = error.what();
    EXPECT_NE(message.find("cannot open database postgresql://u:***@127.0.0.1:1/none"), std::string::npos);
    EXPECT_EQ(message.find("hunter2"), std::string::npos);
    EXPECT_EQ(message.find('\n'), std::string::npos);
  }
}

TEST(DatabaseOpenTest, SqliteInAMissingDirectoryFailsAtOpen) {
  ih::testing::TempDir dir;
  EXPECT_THROW(Database::open("sqlite:" + dir.file("missing/host.db")), std::runtime_error);
}

mode_t modeOf(const std::string& path) {
  struct stat info {};
  if (::stat(path.c_str(), &info) != 0) return 07777;
  return info.st_mode & 07777;
}

// The file holds every tenant's data and the sealed credentials: no other
// local account may read it, whatever the umask, and with its WAL files.
TEST(DatabaseOpenTest, SqliteFilesAreTheOwnersAlone) {
  ih::testing::TempDir dir;
  const std::string path = dir.file("host.db");
  const mode_t oldMask = ::umask(022);
  {
    auto db = Database::open("sqlite:" + path);
    auto uow = db->begin();
    uow->beginWrite();
    uow->commit();
    EXPECT_EQ(modeOf(path), 0600u);
    EXPECT_EQ(modeOf(path + "-wal"), 0600u);
  }
  // A file an older host created 0644 is tightened when opened.
  const std::string old = dir.file("old.db");
  std::ofstream(old).close();
  ::chmod(old.c_str(), 0644);
  Database::open("sqlite:" + old);
  EXPECT_EQ(modeOf(old), 0600u);
  ::umask(oldMask);
}

}  // namespace
}  // namespace ih::host::storage
