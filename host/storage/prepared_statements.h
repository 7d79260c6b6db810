// host/storage/prepared_statements.h - the statements one pooled connection
// keeps prepared, keyed by their SQL text, so a repository's query is parsed
// and planned once per connection instead of once per call.
//
// Each backend has its own (postgres_statements.h, sqlite_statements.h);
// Query runs every unit of work's SQL through them. A connection is used by
// one unit of work at a time, so neither is thread-safe.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <variant>
#include <vector>

#include "storage/query.h"

namespace ih::host::storage {

// A bound value: NULL, an integer or text. Kept typed until the backend binds
// it, because SQLite compares an integer and its text differently wherever no
// column affinity applies (LIMIT ?, ? + 1, two parameters compared).
using SqlValue = std::variant<std::monostate, int64_t, std::string>;

class PreparedStatements {
 public:
  struct Outcome {
    std::vector<Row> rows;
    size_t changed = 0;  // rows an INSERT/UPDATE/DELETE changed
  };

  virtual ~PreparedStatements() = default;
  // Runs one statement of `sql` (the backend's placeholders) with `params`,
  // preparing it first when this connection has not seen the text yet.
  // Throws StorageError (UniqueViolation, Busy or Other).
  virtual Outcome run(const std::string& sql, const std::vector<SqlValue>& params) = 0;
  // Runs a write whose outcome nobody reads no later than the transaction's
  // next statement or its end, and throws its failure there. On PostgreSQL
  // it travels with that statement, in the same round trip: each round trip
  // costs both processes a sleep, a wake-up and their kernel's TCP work, more
  // than a small statement's own execution. Outside a transaction (and on
  // SQLite) it runs at once.
  virtual void runWithNext(const std::string& sql, const std::vector<SqlValue>& params) { run(sql, params); }
};

}  // namespace ih::host::storage
