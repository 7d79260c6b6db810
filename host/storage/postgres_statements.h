// host/storage/postgres_statements.h - the statements prepared on one pooled
// PostgreSQL connection, kept for the connection's life and keyed by their
// SQL text.
//
// Poco::Data's PostgreSQL connector prepares every statement under a fresh
// name, executes it and DEALLOCATEs it: three round trips and a parse and plan
// each time (issue 11: about 12 statements and 36 round trips per delivery).
// The repositories run a few dozen distinct SQL texts, so each connection
// prepares each text once (PQprepare) and afterwards only executes it
// (PQexecPrepared, one round trip). Values go as text and come back as text,
// as Poco's connector does, so the server infers parameter types the same way
// and Row converts cells the same way. Prepared statements belong to the
// session, not to a transaction, so a rollback keeps them. Not thread-safe:
// one unit of work uses the connection at a time.
#pragma once

#include <libpq-fe.h>

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "storage/postgres_client_library.h"
#include "storage/prepared_statements.h"

namespace ih::host::storage {

class PostgresStatements final : public PreparedStatements {
 public:
  // `roundTrips` counts this connection's exchanges with the server with
  // the other connections' of its database (Database::roundTrips).
  PostgresStatements(const LibpqCalls& libpq, PGconn* connection,
                     std::shared_ptr<std::atomic<uint64_t>> roundTrips = nullptr)
      : libpq_(libpq), connection_(connection), roundTrips_(std::move(roundTrips)) {}

  // `sql` has PostgreSQL's $n placeholders; values go as text (changed:
  // PQcmdTuples). UniqueViolation is SQLSTATE 23505.
  Outcome run(const std::string& sql, const std::vector<SqlValue>& params) override;
  // A statement without parameters in one simple-protocol round trip
  // (COMMIT, ROLLBACK: nothing to plan).
  void command(const char* sql);
  // Within a transaction, queued and sent in one round trip with the next
  // statement or with COMMIT (libpq's pipeline mode); dropped by ROLLBACK.
  void runWithNext(const std::string& sql, const std::vector<SqlValue>& params) override;
  // Opens a transaction with the next statement: BEGIN and that statement go
  // in one round trip (libpq's pipeline mode). A transaction in which no
  // statement ran never reaches the server: its COMMIT or ROLLBACK is dropped.
  // So SQL of a transaction must go through Query(UnitOfWork&), never straight
  // on the session, which would run it before BEGIN, outside the transaction.
  void beginWithNextStatement() {
    beginPending_ = true;
    inTransaction_ = true;
  }
  // Ends the transaction: COMMIT or ROLLBACK, unless BEGIN was never sent.
  void endTransaction(const char* sql);

  size_t preparedCount() const { return names_.size(); }
  // The server went away (the pool then closes this and every idle connection).
  bool connectionLost() const { return libpq_.status(connection_) != CONNECTION_OK; }

 private:
  using TextValues = std::vector<std::optional<std::string>>;
  // A prepared statement with its values, as sent.
  struct Statement {
    std::string name;
    std::string sql;  // for the error message
    TextValues values;
  };

  Outcome outcomeOf(PGresult* result);

  const std::string& prepared(const std::string& sql);
  // In one round trip: BEGIN if pending, the queued writes, then `last` (or
  // the command `closing`, COMMIT). Returns last's result (the caller checks
  // and clears it); throws the first failure before it, after reading every
  // result, so the connection leaves pipeline mode clean.
  PGresult* pipeline(const Statement* last, const char* closing);

  void countRoundTrip() {
    if (roundTrips_) roundTrips_->fetch_add(1, std::memory_order_relaxed);
  }
  // Throws unless `result` has `expected` status (clearing it first).
  void check(PGresult* result, ExecStatusType expected, ExecStatusType alsoFine, const std::string& sql);

  const LibpqCalls& libpq_;
  PGconn* connection_;
  std::unordered_map<std::string, std::string> names_;  // SQL text -> statement name
  bool beginPending_ = false;
  bool inTransaction_ = false;  // BEGIN sent or pending
  std::vector<Statement> queued_;  // runWithNext's, not sent yet
  std::shared_ptr<std::atomic<uint64_t>> roundTrips_;
};

}  // namespace ih::host::storage
