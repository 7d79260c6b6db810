// host/storage/database_url.h - parsing of the --database URL.
//
//   sqlite:PATH                                   (also sqlite://PATH)
//   postgresql://[user[:password]@][host][:port][/db][?param=value&...]
//                                                 (also postgres://)
// Parsing only validates and splits; nothing connects here. The password is
// kept for the connection string and masked in describe().
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace ih::host::storage {

struct DatabaseUrl {
  enum class Kind { Sqlite, Postgres };
  Kind kind = Kind::Sqlite;
  std::string sqlitePath;
  std::string user, password, host, port, database;
  std::vector<std::pair<std::string, std::string>> params;  // libpq keywords

  // libpq "keyword=value ..." connection string. Throws std::runtime_error
  // for values with whitespace, which Poco's connector cannot pass on.
  std::string postgresConnectionString() const;
  // The URL with the password masked, for logs.
  std::string describe() const;
};

// Throws std::runtime_error with one line saying what is wrong.
DatabaseUrl parseDatabaseUrl(const std::string& url);

}  // namespace ih::host::storage
