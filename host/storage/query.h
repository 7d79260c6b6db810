// host/storage/query.h - a portable SQL statement with bound values and
// rows read back as plain values; what every repository is written with.
//
// The SQL is portable (see dialect.h) and is translated for the unit of
// work's backend. Values are bound in order with bind(); std::nullopt binds
// NULL. Rows come back as text cells converted on access, which keeps the
// repositories independent of how each backend types its columns. Poco stays
// behind the pimpl so repository translation units compile quickly.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace Poco::Data {
class Session;
}

namespace ih::host::storage {

class UnitOfWork;

// One result row. Cells are addressed by their position in the SELECT list.
class Row {
 public:
  explicit Row(std::vector<std::optional<std::string>> cells) : cells_(std::move(cells)) {}

  bool isNull(size_t column) const { return !cells_.at(column).has_value(); }
  std::string text(size_t column) const;  // "" for NULL
  std::optional<std::string> optText(size_t column) const { return cells_.at(column); }
  int64_t int64(size_t column) const;  // 0 for NULL
  std::optional<int64_t> optInt64(size_t column) const;
  bool boolean(size_t column) const;  // integer 0/1 (or a backend's true/false)
  size_t size() const { return cells_.size(); }

 private:
  std::vector<std::optional<std::string>> cells_;
};

class Query {
 public:
  Query(UnitOfWork& uow, std::string_view portableSql);
  // Backend-specific SQL straight on a connection (connection set-up, PRAGMAs).
  Query(Poco::Data::Session& session, std::string_view backendSql);
  ~Query();
  Query(Query&&) noexcept;
  Query& operator=(Query&&) = delete;

  Query& bind(int64_t value);
  Query& bind(int value) { return bind(static_cast<int64_t>(value)); }
  Query& bind(uint32_t value) { return bind(static_cast<int64_t>(value)); }
  Query& bind(bool value) { return bind(static_cast<int64_t>(value ? 1 : 0)); }
  Query& bind(std::string_view value);
  Query& bind(const std::string& value) { return bind(std::string_view(value)); }
  Query& bind(const char* value) { return bind(std::string_view(value)); }
  Query& bind(const std::optional<int64_t>& value);
  Query& bind(const std::optional<std::string>& value);

  // Runs the statement; returns the number of rows it changed (DML).
  size_t execute();
  // Runs a write whose outcome is not needed, with the transaction's next
  // statement (PreparedStatements::runWithNext): its failure is thrown by
  // that statement or by commit().
  void executeWithNext();
  // Runs the statement and returns its rows.
  std::vector<Row> rows();
  std::optional<Row> one();
  // For `INSERT ... RETURNING id` and single-value SELECTs.
  int64_t scalarInt64();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// "(?, ?), (?, ?)": the VALUES of a multi-row INSERT, `rows` rows of
// `columns` placeholders each. Each count of rows is a statement of its
// own to prepare, so callers keep rows per statement to a few.
std::string placeholderRows(size_t columns, size_t rows);

}  // namespace ih::host::storage
