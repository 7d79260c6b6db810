// host/storage/postgres_backend.cpp - the PostgreSQL backend (libpq through
// Poco::Data::PostgreSQL, both loaded on first use: postgres_client_library.h). Placeholders become $n (PostgresDialect); writes
// run in READ COMMITTED transactions, and the repositories' conditional
// UPDATEs make their read-modify-write steps safe under it. COMMIT returns
// only once the server has flushed its WAL (synchronous_commit = on, the
// server's default), so no group commit is needed here.
#include <Poco/Data/PostgreSQL/SessionImpl.h>
#include <Poco/Data/Session.h>

#include "storage/database_url.h"
#include "storage/dialects.h"
#include "storage/pooled_database.h"
#include "storage/postgres_client_library.h"
#include "storage/postgres_listener.h"
#include "storage/postgres_statements.h"
#include "storage/storage_error.h"

namespace ih::host::storage {

namespace {
// pg_advisory_xact_lock key for migrations: any constant the host owns.
constexpr const char* kMigrationLock = "SELECT pg_advisory_xact_lock(7310411)";
// Becomes libpq's connect_timeout.
constexpr std::size_t kConnectTimeoutSeconds = 10;

// Poco 1.11 never frees the PGconn of a failed connection attempt, so a
// server that is down would leak memory on every retry. Connecting once with
// libpq first (freed either way) lets Poco connect only to a server that
// just accepted us, and gives libpq's own first-line error message.
void probe(const LibpqCalls& libpq, const std::string& connectionString) {
  PGconn* connection = libpq.connectdb(connectionString.c_str());
  const bool ok = connection != nullptr && libpq.status(connection) == CONNECTION_OK;
  std::string message = ok ? "" : (connection != nullptr ? libpq.errorMessage(connection) : "out of memory");
  libpq.finish(connection);
  if (ok) return;
  const auto newline = message.find('\n');
  if (newline != std::string::npos) message.resize(newline);
  throw StorageError(StorageError::Kind::Other, "cannot connect: " + message);
}
// The connector's libpq handle. Poco's PostgreSQL connector is loaded at run
// time (postgres_client_library.h), so its SessionImpl's typeinfo is not
// linked; UBSan's vptr check of this cast would reference it and break the
// sanitized build's link. The session was opened with the connector's key,
// so the cast is known to hold.
__attribute__((no_sanitize("vptr"))) PGconn* connectorHandle(Poco::Data::Session& session) {
  auto* impl = static_cast<Poco::Data::PostgreSQL::SessionImpl*>(session.impl());
  return impl->handle();
}

}  // namespace

std::unique_ptr<Database> openPostgresDatabase(const DatabaseUrl& url, const DatabaseOptions& options) {
  const LibpqCalls& libpq = loadPostgresClient();

  BackendSpec spec;
  spec.dialect = std::make_unique<PostgresDialect>();
  DatabaseUrl withDefaults = url;
  // NOTICEs ("relation already exists, skipping") are noise on stderr.
  withDefaults.params.emplace_back("options", "--client_min_messages=warning");
  withDefaults.params.emplace_back("application_name", "integration-host");
  withDefaults.params.emplace_back("connect_timeout", std::to_string(kConnectTimeoutSeconds));
  const std::string info = withDefaults.postgresConnectionString();
  spec.roundTrips = std::make_shared<std::atomic<uint64_t>>(0);
  spec.connect = [&libpq, info, roundTrips = spec.roundTrips] {
    probe(libpq, info);
    auto session = std::make_unique<Poco::Data::Session>(kPostgresConnectorKey, info, kConnectTimeoutSeconds);
    // The connector's own handle: statements prepared once per connection
    // run on it (postgres_statements.h), Poco's path stays for set-up SQL.
    PGconn* connection = connectorHandle(*session);
    return std::make_unique<PooledConnection>(std::move(session),
                                              std::make_unique<PostgresStatements>(libpq, connection, roundTrips));
  };
  spec.listen = [info](const std::string& channel, std::function<void()> onNotify) {
    return listenOnPostgres(info, channel, std::move(onNotify));
  };
  spec.transactions.beginSql = "BEGIN";
  spec.migrationLockSql = kMigrationLock;
  spec.description = url.describe();
  return std::make_unique<PooledDatabase>(std::move(spec), options);
}

}  // namespace ih::host::storage
