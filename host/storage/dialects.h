// host/storage/dialects.h - the two concrete SQL dialects (see dialect.h).
#pragma once

#include "storage/dialect.h"

namespace ih::host::storage {

class SqliteDialect final : public Dialect {
 public:
  const char* name() const override { return "sqlite"; }
  std::string translate(std::string_view portableSql) const override { return std::string(portableSql); }
  const char* autoIncrementPrimaryKey() const override { return "id INTEGER PRIMARY KEY AUTOINCREMENT"; }
  // SQLite's write transaction (BEGIN IMMEDIATE) already admits one claimer.
  const char* lockSkippingLocked() const override { return ""; }
  std::string lockRowsOf(std::string_view) const override { return {}; }
  std::string notifySql(std::string_view) const override { return {}; }
  std::string limitLockWaitsSql(long) const override { return {}; }
  std::string commaJoined(std::string_view expression) const override {
    return "group_concat(" + std::string(expression) + ", ',')";
  }
};

class PostgresDialect final : public Dialect {
 public:
  const char* name() const override { return "postgresql"; }
  // `?` -> `$1..$n`, leaving string literals, quoted identifiers and
  // comments alone.
  std::string translate(std::string_view portableSql) const override;
  const char* autoIncrementPrimaryKey() const override { return "id BIGSERIAL PRIMARY KEY"; }
  const char* lockSkippingLocked() const override { return " FOR UPDATE SKIP LOCKED"; }
  std::string lockRowsOf(std::string_view alias) const override { return " FOR UPDATE OF " + std::string(alias); }
  std::string notifySql(std::string_view channel) const override {
    return "NOTIFY " + std::string(channel);
  }
  std::string limitLockWaitsSql(long ms) const override {
    return "SET LOCAL lock_timeout = " + std::to_string(ms);
  }
  std::string commaJoined(std::string_view expression) const override {
    return "string_agg(" + std::string(expression) + ", ',')";
  }
};

}  // namespace ih::host::storage
