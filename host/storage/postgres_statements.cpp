// host/storage/postgres_statements.cpp - see postgres_statements.h.
#include "storage/postgres_statements.h"

#include <charconv>
#include <cstring>
#include <memory>

#include "storage/storage_error.h"

namespace ih::host::storage {

namespace {

// SQLSTATE unique_violation: the repositories turn it into "already exists".
constexpr const char* kUniqueViolation = "23505";

struct ResultDeleter {
  const LibpqCalls* libpq;
  void operator()(PGresult* result) const {
    if (result != nullptr) libpq->clear(result);
  }
};
using OwnedResult = std::unique_ptr<PGresult, ResultDeleter>;

}  // namespace

void PostgresStatements::check(PGresult* raw, ExecStatusType expected, ExecStatusType alsoFine,
                               const std::string& sql) {
  OwnedResult result(raw, ResultDeleter{&libpq_});
  const ExecStatusType status = result ? libpq_.resultStatus(result.get()) : PGRES_FATAL_ERROR;
  if (status == expected || status == alsoFine) {
    result.release();  // the caller reads and clears it
    return;
  }
  std::string message = result ? libpq_.resultErrorMessage(result.get()) : libpq_.errorMessage(connection_);
  const char* state = result ? libpq_.resultErrorField(result.get(), PG_DIAG_SQLSTATE) : nullptr;
  const bool unique = state != nullptr && std::strcmp(state, kUniqueViolation) == 0;
  const auto newline = message.find('\n');
  if (newline != std::string::npos) message.resize(newline);
  throw StorageError(unique ? StorageError::Kind::UniqueViolation : StorageError::Kind::Other,
                     "SQL failed: " + message + " [" + sql.substr(0, 80) + "]");
}

const std::string& PostgresStatements::prepared(const std::string& sql) {
  if (auto known = names_.find(sql); known != names_.end()) return known->second;
  std::string name = "ih_" + std::to_string(names_.size() + 1);
  PGresult* result = libpq_.prepare(connection_, name.c_str(), sql.c_str(), 0, nullptr);
  check(result, PGRES_COMMAND_OK, PGRES_COMMAND_OK, sql);
  libpq_.clear(result);
  return names_.emplace(sql, std::move(name)).first->second;
}

PostgresStatements::Outcome PostgresStatements::run(const std::string& sql,
                                                    const std::vector<std::optional<std::string>>& params) {
  const std::string& name = prepared(sql);
  std::vector<const char*> values;
  values.reserve(params.size());
  for (const auto& param : params) values.push_back(param ? param->c_str() : nullptr);
  PGresult* raw = libpq_.execPrepared(connection_, name.c_str(), static_cast<int>(values.size()), values.data(),
                                      nullptr, nullptr, /*resultFormat=text*/ 0);
  check(raw, PGRES_TUPLES_OK, PGRES_COMMAND_OK, sql);
  OwnedResult result(raw, ResultDeleter{&libpq_});

  Outcome outcome;
  const int rowCount = libpq_.ntuples(result.get());
  const int columns = libpq_.nfields(result.get());
  outcome.rows.reserve(static_cast<size_t>(rowCount));
  for (int row = 0; row < rowCount; ++row) {
    std::vector<std::optional<std::string>> cells(static_cast<size_t>(columns));
    for (int column = 0; column < columns; ++column) {
      if (libpq_.getisnull(result.get(), row, column) == 0) {
        cells[static_cast<size_t>(column)].emplace(libpq_.getvalue(result.get(), row, column),
                                                   static_cast<size_t>(libpq_.getlength(result.get(), row, column)));
      }
    }
    outcome.rows.emplace_back(std::move(cells));
  }
  const char* changed = libpq_.cmdTuples(result.get());
  if (changed != nullptr && *changed != '\0') {
    std::from_chars(changed, changed + std::strlen(changed), outcome.changed);
  } else {
    outcome.changed = static_cast<size_t>(rowCount);
  }
  return outcome;
}

void PostgresStatements::command(const char* sql) {
  PGresult* result = libpq_.exec(connection_, sql);
  check(result, PGRES_COMMAND_OK, PGRES_COMMAND_OK, sql);
  libpq_.clear(result);
}

}  // namespace ih::host::storage
