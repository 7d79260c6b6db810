// host/storage/database.cpp - Database::open: URL -> backend, connected once
// up front so a wrong URL or an unreachable server fails at start-up.
#include "storage/database.h"

#include <Poco/Exception.h>

#include <stdexcept>

#include "storage/database_url.h"
#include "storage/pooled_database.h"

namespace ih::host::storage {

std::unique_ptr<Database> Database::open(const std::string& url, const DatabaseOptions& options) {
  const DatabaseUrl parsed = parseDatabaseUrl(url);
  const std::string description = parsed.describe();
  try {
    std::unique_ptr<Database> database = parsed.kind == DatabaseUrl::Kind::Sqlite
                                             ? openSqliteDatabase(parsed.sqlitePath, description, options)
                                             : openPostgresDatabase(parsed, options);
    database->begin();  // connect now; the connection stays pooled
    return database;
  } catch (const Poco::Exception& error) {
    std::string message = error.displayText();
    const auto newline = message.find('\n');
    if (newline != std::string::npos) message.resize(newline);
    throw std::runtime_error("cannot open database " + description + ": " + message);
  } catch (const std::exception& error) {
    throw std::runtime_error("cannot open database " + description + ": " + error.what());
  }
}

}  // namespace ih::host::storage
