// host/storage/sqlite_statements.h - the statements prepared on one pooled
// SQLite connection, kept for the connection's life and keyed by their SQL.
//
// Poco::Data prepares every statement anew (sqlite3_prepare_v2: tokenise,
// parse, resolve names, plan), builds its binders and extractors, and turns
// each cell into a Poco::Dynamic::Var before Row gets its text: on the
// assignee path that was a few dozen statements per delivery, each parsed
// and planned again. Here each connection prepares a text once and
// afterwards only resets, binds and steps it. Cells come back as SQLite's own
// text of the value, which Row converts as before. A statement is always
// reset before run() returns, also on failure, because one left mid-step
// holds the connection's read snapshot open and makes COMMIT fail.
#pragma once

#include <string>
#include <unordered_map>
#include <vector>

#include "storage/prepared_statements.h"

struct sqlite3;
struct sqlite3_stmt;

namespace ih::host::storage {

class SqliteStatements final : public PreparedStatements {
 public:
  explicit SqliteStatements(sqlite3* connection) : connection_(connection) {}
  ~SqliteStatements() override;  // finalizes them, before the connection closes
  SqliteStatements(const SqliteStatements&) = delete;
  SqliteStatements& operator=(const SqliteStatements&) = delete;

  Outcome run(const std::string& sql, const std::vector<SqlValue>& params) override;

  size_t preparedCount() const { return statements_.size(); }

 private:
  sqlite3_stmt* prepared(const std::string& sql);
  void bindAll(sqlite3_stmt* statement, const std::vector<SqlValue>& params, const std::string& sql);
  [[noreturn]] void fail(const std::string& sql) const;
  void finalizeAll();

  sqlite3* connection_;
  std::unordered_map<std::string, sqlite3_stmt*> statements_;
};

}  // namespace ih::host::storage
