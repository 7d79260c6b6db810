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
  countRoundTrip();
  PGresult* result = libpq_.prepare(connection_, name.c_str(), sql.c_str(), 0, nullptr);
  check(result, PGRES_COMMAND_OK, PGRES_COMMAND_OK, sql);
  libpq_.clear(result);
  return names_.emplace(sql, std::move(name)).first->second;
}

namespace {

// Integers in their decimal text; strings as they are; NULL as nothing.
std::vector<std::optional<std::string>> textValues(const std::vector<SqlValue>& params) {
  std::vector<std::optional<std::string>> values;
  values.reserve(params.size());
  for (const SqlValue& param : params) {
    if (const auto* integer = std::get_if<int64_t>(&param)) {
      values.emplace_back(std::to_string(*integer));
    } else if (const auto* text = std::get_if<std::string>(&param)) {
      values.emplace_back(*text);
    } else {
      values.emplace_back(std::nullopt);
    }
  }
  return values;
}

std::vector<const char*> pointersTo(const std::vector<std::optional<std::string>>& values) {
  std::vector<const char*> pointers;
  pointers.reserve(values.size());
  for (const auto& value : values) pointers.push_back(value ? value->c_str() : nullptr);
  return pointers;
}

}  // namespace

PreparedStatements::Outcome PostgresStatements::run(const std::string& sql, const std::vector<SqlValue>& params) {
  Statement statement{prepared(sql), sql, textValues(params)};
  PGresult* raw = nullptr;
  if (beginPending_ || !queued_.empty()) {
    raw = pipeline(&statement, nullptr);
  } else {
    const std::vector<const char*> values = pointersTo(statement.values);
    countRoundTrip();
    raw = libpq_.execPrepared(connection_, statement.name.c_str(), static_cast<int>(values.size()), values.data(),
                              nullptr, nullptr, /*resultFormat=text*/ 0);
  }
  check(raw, PGRES_TUPLES_OK, PGRES_COMMAND_OK, sql);
  return outcomeOf(raw);
}

PreparedStatements::Outcome PostgresStatements::outcomeOf(PGresult* raw) {
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

void PostgresStatements::runWithNext(const std::string& sql, const std::vector<SqlValue>& params) {
  if (!inTransaction_) {
    run(sql, params);
    return;
  }
  queued_.push_back(Statement{prepared(sql), sql, textValues(params)});
}

PGresult* PostgresStatements::pipeline(const Statement* last, const char* closing) {
  const bool begin = beginPending_;
  std::vector<Statement> queued = std::move(queued_);
  queued_.clear();
  beginPending_ = false;
  const std::string lastSql = last != nullptr ? last->sql : std::string(closing);
  countRoundTrip();
  if (libpq_.enterPipelineMode(connection_) != 1) {
    throw StorageError(StorageError::Kind::Other, "SQL failed: cannot enter pipeline mode [" + lastSql.substr(0, 80) + "]");
  }
  const auto sendPrepared = [&](const Statement& statement) {
    const std::vector<const char*> values = pointersTo(statement.values);
    return libpq_.sendQueryPrepared(connection_, statement.name.c_str(), static_cast<int>(values.size()),
                                    values.data(), nullptr, nullptr, /*resultFormat=text*/ 0) == 1;
  };
  const auto sendCommand = [&](const char* sql) {
    return libpq_.sendQueryParams(connection_, sql, 0, nullptr, nullptr, nullptr, nullptr, 0) == 1;
  };
  bool sent = !begin || sendCommand("BEGIN");
  for (const Statement& statement : queued) sent = sent && sendPrepared(statement);
  sent = sent && (last != nullptr ? sendPrepared(*last) : sendCommand(closing));
  sent = sent && libpq_.pipelineSync(connection_) == 1;

  // Each query's results end with a NULL; the sync's result ends them all.
  // Read up to it even after a failure (the later queries come back
  // PGRES_PIPELINE_ABORTED), so the connection leaves pipeline mode clean.
  const size_t queries = (begin ? 1 : 0) + queued.size() + 1;
  std::vector<PGresult*> results(queries, nullptr);
  size_t query = 0;
  while (sent) {
    PGresult* result = libpq_.getResult(connection_);
    if (result == nullptr) {
      if (++query > queries) break;  // the connection failed: nothing more will come
      continue;
    }
    if (libpq_.resultStatus(result) == PGRES_PIPELINE_SYNC) {
      libpq_.clear(result);
      break;
    }
    if (query < queries && results[query] == nullptr) {
      results[query] = result;
    } else {
      libpq_.clear(result);
    }
  }
  libpq_.exitPipelineMode(connection_);

  PGresult* lastResult = results.back();
  results.pop_back();
  // The first of the others that failed is the transaction's error (the
  // queries after it come back aborted); last's own is the caller's to check.
  size_t failed = results.size();
  for (size_t i = 0; i < results.size() && failed == results.size(); ++i) {
    const ExecStatusType status = results[i] != nullptr ? libpq_.resultStatus(results[i]) : PGRES_FATAL_ERROR;
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) failed = i;
  }
  if (!sent && failed == results.size()) failed = 0;  // nothing was read: the connection's error
  if (failed == results.size()) {
    for (PGresult* result : results) libpq_.clear(result);
    return lastResult;
  }
  for (size_t i = 0; i < results.size(); ++i) {
    if (i != failed && results[i] != nullptr) libpq_.clear(results[i]);
  }
  if (lastResult != nullptr) libpq_.clear(lastResult);
  PGresult* failure = results[failed];
  if (failure != nullptr && libpq_.resultStatus(failure) == PGRES_COMMAND_OK) {
    libpq_.clear(failure);  // sent in part, then the connection failed
    failure = nullptr;
  }
  const std::string& failedSql = begin && failed == 0 ? std::string("BEGIN") : queued[failed - (begin ? 1 : 0)].sql;
  check(failure, PGRES_COMMAND_OK, PGRES_TUPLES_OK, failedSql);  // throws: its status is a failure
  throw StorageError(StorageError::Kind::Other, "SQL failed [" + failedSql.substr(0, 80) + "]");
}

void PostgresStatements::endTransaction(const char* sql) {
  const bool commit = std::strcmp(sql, "COMMIT") == 0;
  if (!commit) queued_.clear();  // a rollback undoes the writes anyway
  inTransaction_ = false;
  if (beginPending_ && queued_.empty()) {
    beginPending_ = false;  // nothing ran: the server never saw a transaction
    return;
  }
  if (!queued_.empty()) {
    PGresult* result = pipeline(nullptr, sql);
    check(result, PGRES_COMMAND_OK, PGRES_COMMAND_OK, sql);
    libpq_.clear(result);
    return;
  }
  command(sql);
}

void PostgresStatements::command(const char* sql) {
  countRoundTrip();
  PGresult* result = libpq_.exec(connection_, sql);
  check(result, PGRES_COMMAND_OK, PGRES_COMMAND_OK, sql);
  libpq_.clear(result);
}

}  // namespace ih::host::storage
