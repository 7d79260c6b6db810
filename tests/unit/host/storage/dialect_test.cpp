// Placeholder rewriting per dialect.
#include <gtest/gtest.h>

#include "storage/dialects.h"

namespace ih::host::storage {
namespace {

TEST(DialectTest, SqliteKeepsPortableSql) {
  SqliteDialect dialect;
  EXPECT_STREQ(dialect.name(), "sqlite");
  EXPECT_EQ(dialect.translate("SELECT ? FROM t WHERE a = ?"), "SELECT ? FROM t WHERE a = ?");
  EXPECT_STREQ(dialect.autoIncrementPrimaryKey(), "id INTEGER PRIMARY KEY AUTOINCREMENT");
}

TEST(DialectTest, PostgresNumbersPlaceholdersInOrder) {
  PostgresDialect dialect;
  EXPECT_STREQ(dialect.name(), "postgresql");
  EXPECT_EQ(dialect.translate("INSERT INTO t (a, b) VALUES (?, ?) RETURNING id"),
            "INSERT INTO t (a, b) VALUES ($1, $2) RETURNING id");
  EXPECT_STREQ(dialect.autoIncrementPrimaryKey(), "id BIGSERIAL PRIMARY KEY");
}

TEST(DialectTest, PostgresLeavesQuotedTextAndCommentsAlone) {
  PostgresDialect dialect;
  EXPECT_EQ(dialect.translate("SELECT '?', 'it''s ?', \"col?\" FROM t WHERE a = ? -- why?\nAND b = ? /* ? */"),
            "SELECT '?', 'it''s ?', \"col?\" FROM t WHERE a = $1 -- why?\nAND b = $2 /* ? */");
}

}  // namespace
}  // namespace ih::host::storage
