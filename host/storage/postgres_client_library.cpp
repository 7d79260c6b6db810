// host/storage/postgres_client_library.cpp - see postgres_client_library.h.
#include "storage/postgres_client_library.h"

#include <boost/dll/shared_library.hpp>

#include <memory>
#include <mutex>
#include <string>
#include <type_traits>

#include "storage/storage_error.h"

namespace ih::host::storage {

namespace {

// Poco::Data::PostgreSQL::Connector::registerConnector(), a static member
// function: its mangled name is fixed by the library's soname (the ABI).
constexpr const char* kRegisterConnectorSymbol = "_ZN4Poco4Data10PostgreSQL9Connector17registerConnectorEv";

struct PostgresClient {
  boost::dll::shared_library poco;  // never unloaded: sessions and the factory point into it
  LibpqCalls calls;
};

PostgresClient loadPostgresLibraries() {
  PostgresClient client;
  try {
    // libpq comes with it as a dependency; dlsym on this handle also
    // searches its dependencies, so libpq's calls are found through it.
    client.poco.load(boost::dll::fs::path(IH_POCO_POSTGRESQL_SONAME), boost::dll::load_mode::search_system_folders);
    const auto call = [&client](auto& slot, const char* name) {
      slot = client.poco.get<std::remove_pointer_t<std::remove_reference_t<decltype(slot)>>>(name);
    };
    LibpqCalls& calls = client.calls;
    call(calls.connectdb, "PQconnectdb");
    call(calls.status, "PQstatus");
    call(calls.errorMessage, "PQerrorMessage");
    call(calls.finish, "PQfinish");
    call(calls.exec, "PQexec");
    call(calls.resultStatus, "PQresultStatus");
    call(calls.clear, "PQclear");
    call(calls.socket, "PQsocket");
    call(calls.consumeInput, "PQconsumeInput");
    call(calls.notifies, "PQnotifies");
    call(calls.freemem, "PQfreemem");
    call(calls.prepare, "PQprepare");
    call(calls.execPrepared, "PQexecPrepared");
    call(calls.ntuples, "PQntuples");
    call(calls.nfields, "PQnfields");
    call(calls.getisnull, "PQgetisnull");
    call(calls.getvalue, "PQgetvalue");
    call(calls.getlength, "PQgetlength");
    call(calls.cmdTuples, "PQcmdTuples");
    call(calls.resultErrorMessage, "PQresultErrorMessage");
    call(calls.resultErrorField, "PQresultErrorField");
    call(calls.enterPipelineMode, "PQenterPipelineMode");
    call(calls.exitPipelineMode, "PQexitPipelineMode");
    call(calls.pipelineSync, "PQpipelineSync");
    call(calls.sendQueryParams, "PQsendQueryParams");
    call(calls.sendQueryPrepared, "PQsendQueryPrepared");
    call(calls.getResult, "PQgetResult");
    client.poco.get<void()>(kRegisterConnectorSymbol)();
  } catch (const std::exception& e) {
    throw StorageError(StorageError::Kind::Other,
                       std::string("cannot load the PostgreSQL client (" IH_POCO_POSTGRESQL_SONAME "): ") + e.what());
  }
  return client;
}

}  // namespace

const LibpqCalls& loadPostgresClient() {
  static std::mutex loading;
  static std::unique_ptr<PostgresClient> client;
  std::lock_guard lock(loading);
  if (!client) client = std::make_unique<PostgresClient>(loadPostgresLibraries());
  return client->calls;
}

}  // namespace ih::host::storage
