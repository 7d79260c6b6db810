// host/storage/dialect.h - the one place where SQL differs between backends.
//
// Repositories write portable SQL with `?` placeholders, INTEGER/BIGINT/TEXT
// columns, `INSERT ... RETURNING id` and `ON CONFLICT ... DO UPDATE`, which both
// SQLite (>= 3.35) and PostgreSQL accept. A Dialect rewrites the rest:
// placeholders (`$1..$n` for PostgreSQL) and the DDL of auto-increment keys.
#pragma once

#include <string>
#include <string_view>

namespace ih::host::storage {

class Dialect {
 public:
  virtual ~Dialect() = default;
  // "sqlite" or "postgresql".
  virtual const char* name() const = 0;
  // Rewrites portable SQL for this backend (placeholders outside string literals).
  virtual std::string translate(std::string_view portableSql) const = 0;
  // Column definition for an auto-increment 64-bit primary key named `id`.
  virtual const char* autoIncrementPrimaryKey() const = 0;
  // Appended to a SELECT whose rows the transaction is about to update, so
  // concurrent claimers pass over each other's rows instead of queueing on
  // them. Empty where one writer at a time already serialises claims.
  virtual const char* lockSkippingLocked() const = 0;
  // Appended to a SELECT whose rows of table `alias` the transaction must hold
  // until it ends (a read-modify-write), first waiting for a concurrent
  // writer of them to commit. Empty where one writer at a time already
  // serialises the transactions.
  virtual std::string lockRowsOf(std::string_view alias) const = 0;
  // A statement that notifies the listeners of `channel` (a plain
  // identifier) when its transaction commits; empty where nobody listens.
  virtual std::string notifySql(std::string_view channel) const = 0;
  // A statement after which the transaction's waits for a row lock give up
  // (the statement fails) after `ms`; empty where lock waits cannot form a
  // cycle (one writer at a time).
  virtual std::string limitLockWaitsSql(long ms) const = 0;
  // The aggregate joining the text `expression` of a group's rows with
  // commas (NULL for no rows), in no particular order.
  virtual std::string commaJoined(std::string_view expression) const = 0;
};

}  // namespace ih::host::storage
