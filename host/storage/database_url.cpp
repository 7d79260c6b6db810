// host/storage/database_url.cpp - see database_url.h.
#include "storage/database_url.h"

#include <charconv>
#include <stdexcept>
#include <string_view>

#include "ihp/sdk/url.hpp"

namespace ih::host::storage {

namespace {

[[noreturn]] void fail(const std::string& why) { throw std::runtime_error("invalid database URL: " + why); }

// A malformed escape makes the URL invalid rather than being guessed at.
std::string percentDecode(std::string_view text) {
  auto decoded = ihp::sdk::url::percentDecodeStrict(text);
  if (!decoded) fail("bad %-escape");
  return *decoded;
}

bool startsWith(std::string_view text, std::string_view prefix) { return text.substr(0, prefix.size()) == prefix; }

DatabaseUrl parseSqlite(std::string_view rest) {
  if (startsWith(rest, "//")) rest.remove_prefix(2);
  if (rest.empty()) fail("sqlite: needs a file path (sqlite:PATH)");
  if (rest == ":memory:") fail("in-memory SQLite is not supported (every connection would see its own database)");
  DatabaseUrl url;
  url.kind = DatabaseUrl::Kind::Sqlite;
  url.sqlitePath = std::string(rest);
  return url;
}

void parseParams(std::string_view query, DatabaseUrl& url) {
  while (!query.empty()) {
    const size_t amp = query.find('&');
    const std::string_view pair = query.substr(0, amp);
    query = amp == std::string_view::npos ? std::string_view() : query.substr(amp + 1);
    if (pair.empty()) continue;
    const size_t eq = pair.find('=');
    if (eq == std::string_view::npos || eq == 0) fail("query parameters must be name=value");
    url.params.emplace_back(percentDecode(pair.substr(0, eq)), percentDecode(pair.substr(eq + 1)));
  }
}

void parseHostPort(std::string_view hostPort, DatabaseUrl& url) {
  std::string_view portText;
  if (startsWith(hostPort, "[")) {  // IPv6 literal
    const size_t close = hostPort.find(']');
    if (close == std::string_view::npos) fail("unterminated [IPv6] host");
    url.host = std::string(hostPort.substr(1, close - 1));
    std::string_view after = hostPort.substr(close + 1);
    if (!after.empty()) {
      if (after.front() != ':') fail("unexpected text after the host");
      portText = after.substr(1);
    }
  } else {
    const size_t colon = hostPort.rfind(':');
    url.host = percentDecode(hostPort.substr(0, colon));
    if (colon != std::string_view::npos) portText = hostPort.substr(colon + 1);
  }
  if (!portText.empty()) {
    int port = 0;
    auto [ptr, ec] = std::from_chars(portText.data(), portText.data() + portText.size(), port);
    if (ec != std::errc() || ptr != portText.data() + portText.size() || port < 1 || port > 65535) {
      fail("port must be a number between 1 and 65535");
    }
    url.port = std::string(portText);
  }
}

DatabaseUrl parsePostgres(std::string_view rest) {
  DatabaseUrl url;
  url.kind = DatabaseUrl::Kind::Postgres;
  const size_t question = rest.find('?');
  if (question != std::string_view::npos) {
    parseParams(rest.substr(question + 1), url);
    rest = rest.substr(0, question);
  }
  const size_t slash = rest.find('/');
  std::string_view authority = rest.substr(0, slash);
  if (slash != std::string_view::npos) url.database = percentDecode(rest.substr(slash + 1));
  const size_t at = authority.rfind('@');
  if (at != std::string_view::npos) {
    const std::string_view userInfo = authority.substr(0, at);
    const size_t colon = userInfo.find(':');
    url.user = percentDecode(userInfo.substr(0, colon));
    if (colon != std::string_view::npos) url.password = percentDecode(userInfo.substr(colon + 1));
    authority = authority.substr(at + 1);
  }
  parseHostPort(authority, url);
  return url;
}

// A libpq keyword value, unquoted with backslash escapes. Poco's connector
// splits its connection string at every space before libpq sees it, so a
// value containing whitespace cannot be passed at all.
std::string escapeValue(const std::string& key, const std::string& value) {
  std::string out;
  for (char c : value) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      fail("the PostgreSQL " + key + " must not contain whitespace (for a password, use PGPASSWORD or ~/.pgpass)");
    }
    if (c == '\\' || c == '\'') out += '\\';
    out += c;
  }
  return out;
}

}  // namespace

DatabaseUrl parseDatabaseUrl(const std::string& text) {
  const std::string_view url(text);
  if (startsWith(url, "sqlite:")) return parseSqlite(url.substr(7));
  if (startsWith(url, "postgresql://")) return parsePostgres(url.substr(13));
  if (startsWith(url, "postgres://")) return parsePostgres(url.substr(11));
  fail("expected sqlite:PATH or postgresql://user:pass@host:port/db");
}

std::string DatabaseUrl::postgresConnectionString() const {
  std::string out;
  const auto add = [&](const std::string& key, const std::string& value) {
    if (value.empty()) return;
    if (!out.empty()) out += ' ';
    out += key + "=" + escapeValue(key, value);
  };
  add("host", host);
  add("port", port);
  add("user", user);
  add("password", password);
  add("dbname", database);
  for (const auto& [key, value] : params) add(key, value);
  return out;
}

std::string DatabaseUrl::describe() const {
  if (kind == Kind::Sqlite) return "sqlite:" + sqlitePath;
  std::string out = "postgresql://";
  if (!user.empty()) out += user + (password.empty() ? "" : ":***") + "@";
  out += host.find(':') != std::string::npos ? "[" + host + "]" : host;
  if (!port.empty()) out += ":" + port;
  if (!database.empty()) out += "/" + database;
  return out;
}

}  // namespace ih::host::storage
