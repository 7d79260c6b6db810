// host/storage/postgres_client_library.h - the PostgreSQL client libraries
// (Poco::Data::PostgreSQL and libpq), loaded on first use.
//
// Linked into the executable, libpq and its dependencies (Kerberos, LDAP,
// SASL, GnuTLS: 24 shared libraries) cost every start-up about a third of
// its dynamic-linking time, also for the SQLite default that never uses
// them. Loaded here only when a postgresql:// database is opened.
#pragma once

#include <libpq-fe.h>

namespace ih::host::storage {

// The libpq calls the host makes itself (the backend's connection probe, the
// LISTEN connection that wakes job workers, and the prepared statements of
// pooled connections: postgres_statements.h).
struct LibpqCalls {
  decltype(&PQconnectdb) connectdb = nullptr;
  decltype(&PQstatus) status = nullptr;
  decltype(&PQerrorMessage) errorMessage = nullptr;
  decltype(&PQfinish) finish = nullptr;
  decltype(&PQexec) exec = nullptr;
  decltype(&PQresultStatus) resultStatus = nullptr;
  decltype(&PQclear) clear = nullptr;
  decltype(&PQsocket) socket = nullptr;
  decltype(&PQconsumeInput) consumeInput = nullptr;
  decltype(&PQnotifies) notifies = nullptr;
  decltype(&PQfreemem) freemem = nullptr;
  decltype(&PQprepare) prepare = nullptr;
  decltype(&PQexecPrepared) execPrepared = nullptr;
  decltype(&PQntuples) ntuples = nullptr;
  decltype(&PQnfields) nfields = nullptr;
  decltype(&PQgetisnull) getisnull = nullptr;
  decltype(&PQgetvalue) getvalue = nullptr;
  decltype(&PQgetlength) getlength = nullptr;
  decltype(&PQcmdTuples) cmdTuples = nullptr;
  decltype(&PQresultErrorMessage) resultErrorMessage = nullptr;
  decltype(&PQresultErrorField) resultErrorField = nullptr;
  decltype(&PQenterPipelineMode) enterPipelineMode = nullptr;
  decltype(&PQexitPipelineMode) exitPipelineMode = nullptr;
  decltype(&PQpipelineSync) pipelineSync = nullptr;
  decltype(&PQsendQueryParams) sendQueryParams = nullptr;
  decltype(&PQsendQueryPrepared) sendQueryPrepared = nullptr;
  decltype(&PQgetResult) getResult = nullptr;
};

// Loads the libraries once (thread-safe), registers Poco's PostgreSQL
// connector under kPostgresConnectorKey, and returns libpq's calls. Throws
// StorageError when the libraries cannot be loaded.
const LibpqCalls& loadPostgresClient();

// Poco::Data::PostgreSQL::Connector::KEY, the session factory's name for it.
inline constexpr const char* kPostgresConnectorKey = "postgresql";

}  // namespace ih::host::storage
