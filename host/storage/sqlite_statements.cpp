// host/storage/sqlite_statements.cpp - see sqlite_statements.h.
#include "storage/sqlite_statements.h"

#include <sqlite3.h>

#include <optional>

#include "storage/storage_error.h"

namespace ih::host::storage {

namespace {

// The repositories run a few dozen distinct texts; a caller that builds SQL
// with values inlined would otherwise grow the cache without end. Past this
// many the cache starts over (a rare re-prepare, never an unbounded map).
constexpr size_t kMaxPreparedPerConnection = 256;

bool onlyWhitespace(const char* text) {
  for (; *text != '\0'; ++text) {
    if (*text != ' ' && *text != '\n' && *text != '\t' && *text != '\r' && *text != ';') return false;
  }
  return true;
}

// Resets and unbinds on every way out of run().
class ResetOnExit {
 public:
  explicit ResetOnExit(sqlite3_stmt* statement) : statement_(statement) {}
  ~ResetOnExit() {
    sqlite3_reset(statement_);
    sqlite3_clear_bindings(statement_);
  }
  ResetOnExit(const ResetOnExit&) = delete;
  ResetOnExit& operator=(const ResetOnExit&) = delete;

 private:
  sqlite3_stmt* statement_;
};

}  // namespace

SqliteStatements::~SqliteStatements() { finalizeAll(); }

void SqliteStatements::finalizeAll() {
  for (auto& [sql, statement] : statements_) sqlite3_finalize(statement);
  statements_.clear();
}

void SqliteStatements::fail(const std::string& sql) const {
  const int code = sqlite3_extended_errcode(connection_);
  StorageError::Kind kind = StorageError::Kind::Other;
  if (code == SQLITE_CONSTRAINT_UNIQUE || code == SQLITE_CONSTRAINT_PRIMARYKEY) {
    kind = StorageError::Kind::UniqueViolation;
  } else if ((code & 0xff) == SQLITE_BUSY || (code & 0xff) == SQLITE_LOCKED) {
    kind = StorageError::Kind::Busy;
  }
  throw StorageError(kind, std::string("SQL failed: ") + sqlite3_errmsg(connection_) + " [" + sql.substr(0, 80) + "]");
}

sqlite3_stmt* SqliteStatements::prepared(const std::string& sql) {
  if (auto known = statements_.find(sql); known != statements_.end()) return known->second;
  if (statements_.size() >= kMaxPreparedPerConnection) finalizeAll();
  sqlite3_stmt* statement = nullptr;
  const char* tail = nullptr;
  // SQLITE_PREPARE_PERSISTENT: SQLite allocates the statement knowing it
  // will be kept and reused.
  if (sqlite3_prepare_v3(connection_, sql.c_str(), static_cast<int>(sql.size() + 1), SQLITE_PREPARE_PERSISTENT,
                         &statement, &tail) != SQLITE_OK) {
    fail(sql);
  }
  if (statement == nullptr || (tail != nullptr && !onlyWhitespace(tail))) {
    sqlite3_finalize(statement);
    throw StorageError(StorageError::Kind::Other,
                       "SQL failed: a query runs exactly one statement [" + sql.substr(0, 80) + "]");
  }
  statements_.emplace(sql, statement);
  return statement;
}

void SqliteStatements::bindAll(sqlite3_stmt* statement, const std::vector<SqlValue>& params, const std::string& sql) {
  const int expected = sqlite3_bind_parameter_count(statement);
  if (static_cast<size_t>(expected) != params.size()) {
    throw StorageError(StorageError::Kind::Other, "SQL failed: " + std::to_string(params.size()) + " values for " +
                                                      std::to_string(expected) + " placeholders [" +
                                                      sql.substr(0, 80) + "]");
  }
  int index = 1;
  for (const SqlValue& value : params) {
    int rc = SQLITE_OK;
    if (const auto* integer = std::get_if<int64_t>(&value)) {
      rc = sqlite3_bind_int64(statement, index, *integer);
    } else if (const auto* text = std::get_if<std::string>(&value)) {
      // SQLITE_STATIC: `params` outlives the statement's use (reset on exit).
      rc = sqlite3_bind_text(statement, index, text->data(), static_cast<int>(text->size()), SQLITE_STATIC);
    } else {
      rc = sqlite3_bind_null(statement, index);
    }
    if (rc != SQLITE_OK) fail(sql);
    ++index;
  }
}

PreparedStatements::Outcome SqliteStatements::run(const std::string& sql, const std::vector<SqlValue>& params) {
  sqlite3_stmt* statement = prepared(sql);
  ResetOnExit reset(statement);
  bindAll(statement, params, sql);

  Outcome outcome;
  const int columns = sqlite3_column_count(statement);
  for (;;) {
    const int rc = sqlite3_step(statement);
    if (rc == SQLITE_DONE) break;
    if (rc != SQLITE_ROW) fail(sql);
    std::vector<std::optional<std::string>> cells(static_cast<size_t>(columns));
    for (int column = 0; column < columns; ++column) {
      if (sqlite3_column_type(statement, column) == SQLITE_NULL) continue;
      const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(statement, column));
      const auto length = static_cast<size_t>(sqlite3_column_bytes(statement, column));
      cells[static_cast<size_t>(column)].emplace(text != nullptr ? text : "", text != nullptr ? length : 0);
    }
    outcome.rows.emplace_back(std::move(cells));
  }
  // sqlite3_changes() is the last INSERT/UPDATE/DELETE's count, stale after
  // a SELECT (or BEGIN/COMMIT), which reports the rows it returned.
  outcome.changed = sqlite3_stmt_readonly(statement) != 0 ? outcome.rows.size()
                                                          : static_cast<size_t>(sqlite3_changes(connection_));
  return outcome;
}

}  // namespace ih::host::storage
