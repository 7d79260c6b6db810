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

PreparedStatements::Outcome PostgresStatements::run(const std::string& sql, const std::vector<SqlValue>& params) {
  const std::string& name = prepared(sql);
  // Integers in their decimal text; the strings are used in place.
  std::vector<std::string> integers;
  integers.reserve(params.size());
  std::vector<const char*> values;
  values.reserve(params.size());
  for (const SqlValue& param : params) {
    if (const auto* integer = std::get_if<int64_t>(&param)) {
      values.push_back(integers.emplace_back(std::to_string(*integer)).c_str());
    } else if (const auto* text = std::get_if<std::string>(&param)) {
      values.push_back(text->c_str());
    } else {
      values.push_back(nullptr);
    }
  }
  PGresult* raw = beginPending_ ? beginAndExecute(name, values, sql)
                                : libpq_.execPrepared(connection_, name.c_str(), static_cast<int>(values.size()),
                                                      values.data(), nullptr, nullptr, /*resultFormat=text*/ 0);
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

PGresult* PostgresStatements::beginAndExecute(const std::string& name, const std::vector<const char*>& values,
                                              const std::string& sql) {
  beginPending_ = false;
  if (libpq_.enterPipelineMode(connection_) != 1) {
    throw StorageError(StorageError::Kind::Other, "SQL failed: cannot enter pipeline mode [" + sql.substr(0, 80) + "]");
  }
  const bool sent =
      libpq_.sendQueryParams(connection_, "BEGIN", 0, nullptr, nullptr, nullptr, nullptr, 0) == 1 &&
      libpq_.sendQueryPrepared(connection_, name.c_str(), static_cast<int>(values.size()), values.data(), nullptr,
                               nullptr, /*resultFormat=text*/ 0) == 1 &&
      libpq_.pipelineSync(connection_) == 1;
  // Results come as: BEGIN's, NULL, the statement's, NULL, then the sync.
  // Every one is read up to the sync, also after a failure, so the
  // connection leaves pipeline mode clean.
  PGresult* begin = nullptr;
  PGresult* statement = nullptr;
  int queriesDone = 0;
  while (sent) {
    PGresult* result = libpq_.getResult(connection_);
    if (result == nullptr) {
      if (++queriesDone > 2) break;  // the connection failed: nothing more will come
      continue;
    }
    if (libpq_.resultStatus(result) == PGRES_PIPELINE_SYNC) {
      libpq_.clear(result);
      break;
    }
    PGresult*& slot = queriesDone == 0 ? begin : statement;
    if (slot == nullptr) {
      slot = result;
    } else {
      libpq_.clear(result);
    }
  }
  libpq_.exitPipelineMode(connection_);
  if (!sent || begin == nullptr || libpq_.resultStatus(begin) != PGRES_COMMAND_OK) {
    if (statement != nullptr) libpq_.clear(statement);
    check(begin, PGRES_COMMAND_OK, PGRES_COMMAND_OK, "BEGIN");  // throws with BEGIN's error
  }
  libpq_.clear(begin);
  return statement;
}

void PostgresStatements::endTransaction(const char* sql) {
  if (beginPending_) {
    beginPending_ = false;  // nothing ran: the server never saw a transaction
    return;
  }
  command(sql);
}

void PostgresStatements::command(const char* sql) {
  PGresult* result = libpq_.exec(connection_, sql);
  check(result, PGRES_COMMAND_OK, PGRES_COMMAND_OK, sql);
  libpq_.clear(result);
}

}  // namespace ih::host::storage
