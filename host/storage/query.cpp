// host/storage/query.cpp - Query and Row on top of the connection's prepared
// statements, or of Poco::Data statements for set-up SQL.
#include "storage/query.h"

#include <Poco/Data/RecordSet.h>
#include <Poco/Data/Session.h>
#include <Poco/Data/Statement.h>
#include <Poco/Exception.h>
#include <Poco/Nullable.h>

#include <charconv>

#include "storage/prepared_statements.h"
#include "storage/storage_error.h"
#include "storage/unit_of_work.h"

namespace ih::host::storage {

namespace {

// Keeps the first line of the backend's message and the start of the SQL,
// so a failure reads as one line in the log.
[[noreturn]] void rethrow(const Poco::Exception& error, const std::string& sql) {
  std::string message = error.displayText();
  const auto newline = message.find('\n');
  if (newline != std::string::npos) message.resize(newline);
  StorageError::Kind kind = StorageError::Kind::Other;
  if (message.find("UNIQUE constraint failed") != std::string::npos ||
      message.find("duplicate key value") != std::string::npos) {
    kind = StorageError::Kind::UniqueViolation;
  } else if (message.find("database is locked") != std::string::npos ||
             message.find("database is busy") != std::string::npos) {
    kind = StorageError::Kind::Busy;
  }
  throw StorageError(kind, "SQL failed: " + message + " [" + sql.substr(0, 80) + "]");
}

}  // namespace

std::string placeholderRows(size_t columns, size_t rows) {
  std::string row = "(";
  for (size_t i = 0; i < columns; ++i) row += i == 0 ? "?" : ", ?";
  row += ")";
  std::string all;
  for (size_t i = 0; i < rows; ++i) all += i == 0 ? row : ", " + row;
  return all;
}

std::string Row::text(size_t column) const { return cells_.at(column).value_or(std::string()); }

std::optional<int64_t> Row::optInt64(size_t column) const {
  const auto& cell = cells_.at(column);
  if (!cell) return std::nullopt;
  int64_t value = 0;
  const char* begin = cell->data();
  const char* end = begin + cell->size();
  auto [ptr, ec] = std::from_chars(begin, end, value);
  if (ec != std::errc() || ptr != end) {
    // Some backends hand back numeric expressions as decimals ("3.0").
    try {
      return static_cast<int64_t>(std::stod(*cell));
    } catch (const std::exception&) {
      throw StorageError(StorageError::Kind::Other, "column " + std::to_string(column) + " is not an integer");
    }
  }
  return value;
}

int64_t Row::int64(size_t column) const { return optInt64(column).value_or(0); }

bool Row::boolean(size_t column) const {
  const auto& cell = cells_.at(column);
  if (!cell) return false;
  if (*cell == "true" || *cell == "t") return true;
  if (*cell == "false" || *cell == "f") return false;
  return int64(column) != 0;
}

// A unit of work's SQL runs through its connection's prepared statements
// (prepared_statements.h); SQL straight on a session (connection set-up)
// through Poco. The unit of work's connection is looked up when the query
// runs, not when it is built: on SQLite a write transaction moves the unit of
// work to the writer's connection (pooled_unit_of_work.h).
struct Query::Impl {
  Impl(Poco::Data::Session& session, std::string backendSql) : sql(std::move(backendSql)) {
    statement.emplace(session);
    *statement << sql;
  }
  Impl(UnitOfWork& work, std::string backendSql) : sql(std::move(backendSql)), uow(&work) {}

  // Values bind in order: collected for the prepared statement (built in
  // place), or handed to Poco.
  template <typename Alternative, typename... Args>
  void collect(Args&&... args) {
    params.emplace_back(std::in_place_type<Alternative>, std::forward<Args>(args)...);
  }
  template <typename PocoValue>
  void bindPoco(PocoValue value) {
    *statement, Poco::Data::Keywords::bind(std::move(value));
  }

  std::string sql;
  std::optional<Poco::Data::Statement> statement;
  UnitOfWork* uow = nullptr;
  std::vector<SqlValue> params;
};

Query::Query(UnitOfWork& uow, std::string_view portableSql)
    : impl_(std::make_unique<Impl>(uow, uow.sql(portableSql))) {}
Query::Query(Poco::Data::Session& session, std::string_view backendSql)
    : impl_(std::make_unique<Impl>(session, std::string(backendSql))) {}
Query::~Query() = default;
Query::Query(Query&&) noexcept = default;

Query& Query::bind(int64_t value) {
  if (impl_->uow != nullptr) {
    impl_->collect<int64_t>(value);
  } else {
    impl_->bindPoco(static_cast<Poco::Int64>(value));
  }
  return *this;
}

Query& Query::bind(std::string_view value) {
  if (impl_->uow != nullptr) {
    impl_->collect<std::string>(value);
  } else {
    impl_->bindPoco(std::string(value));
  }
  return *this;
}

Query& Query::bind(const std::optional<int64_t>& value) {
  if (impl_->uow == nullptr) {
    Poco::Nullable<Poco::Int64> cell;
    if (value) cell = static_cast<Poco::Int64>(*value);
    impl_->bindPoco(cell);
  } else if (value) {
    impl_->collect<int64_t>(*value);
  } else {
    impl_->collect<std::monostate>();
  }
  return *this;
}

Query& Query::bind(const std::optional<std::string>& value) {
  if (impl_->uow == nullptr) {
    Poco::Nullable<std::string> cell;
    if (value) cell = *value;
    impl_->bindPoco(cell);
  } else if (value) {
    impl_->collect<std::string>(*value);
  } else {
    impl_->collect<std::monostate>();
  }
  return *this;
}

size_t Query::execute() {
  if (impl_->uow != nullptr) return impl_->uow->statements().run(impl_->sql, impl_->params).changed;
  try {
    return impl_->statement->execute();
  } catch (const Poco::Exception& error) {
    rethrow(error, impl_->sql);
  }
}

void Query::executeWithNext() {
  if (impl_->uow != nullptr) {
    impl_->uow->statements().runWithNext(impl_->sql, impl_->params);
    return;
  }
  execute();
}

std::vector<Row> Query::rows() {
  if (impl_->uow != nullptr) return std::move(impl_->uow->statements().run(impl_->sql, impl_->params).rows);
  try {
    impl_->statement->execute();
    Poco::Data::RecordSet records(*impl_->statement);
    const size_t columns = records.columnCount();
    const size_t count = records.rowCount();
    std::vector<Row> result;
    result.reserve(count);
    for (size_t row = 0; row < count; ++row) {
      std::vector<std::optional<std::string>> cells(columns);
      for (size_t column = 0; column < columns; ++column) {
        if (!records.isNull(column, row)) cells[column] = records.value(column, row).convert<std::string>();
      }
      result.emplace_back(std::move(cells));
    }
    return result;
  } catch (const Poco::Exception& error) {
    rethrow(error, impl_->sql);
  }
}

std::optional<Row> Query::one() {
  auto all = rows();
  if (all.empty()) return std::nullopt;
  return std::move(all.front());
}

int64_t Query::scalarInt64() {
  auto row = one();
  if (!row || row->size() == 0)
    throw StorageError(StorageError::Kind::Other, "query returned no value [" + impl_->sql.substr(0, 80) + "]");
  return row->int64(0);
}

}  // namespace ih::host::storage
