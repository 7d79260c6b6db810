// host/storage/sqlite_backend.cpp - the embedded SQLite backend.
//
// Every connection runs in WAL mode (readers never wait for the writer), with
// foreign keys on and a busy timeout for writers of other processes. Inside
// this process writers queue on one writer lock per database file, taken
// before BEGIN IMMEDIATE and held until COMMIT/ROLLBACK, and write on one
// connection (writer_connection.h), whose WAL a thread of its own checkpoints
// (wal_checkpointer.h). Commits are made
// durable by group commit before any answer relies on them
// (wal_group_commit.h) unless DatabaseOptions::durableCommits is off.
//
// The database file is the owner's alone (0600): it holds sealed credentials
// and everything the tenants wrote, and any other local account could copy it.
#include <Poco/Data/SQLite/Connector.h>
#include <Poco/Data/SQLite/Utility.h>
#include <Poco/Data/Session.h>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <map>
#include <mutex>
#include <stdexcept>

#include "storage/dialects.h"
#include "storage/pooled_database.h"
#include "storage/query.h"
#include "storage/sqlite_statements.h"
#include "storage/wal_checkpointer.h"

namespace ih::host::storage {

namespace {

// One writer lock per database file, shared by every Database opened on it.
std::shared_ptr<WriterLock> writerLockFor(const std::string& path) {
  static std::mutex registryMutex;
  static std::map<std::string, std::weak_ptr<WriterLock>> registry;
  std::error_code ignored;
  const std::string key = std::filesystem::weakly_canonical(std::filesystem::absolute(path), ignored).string();
  std::lock_guard lock(registryMutex);
  auto& slot = registry[key.empty() ? path : key];
  auto writer = slot.lock();
  if (!writer) {
    writer = std::make_shared<WriterLock>();
    slot = writer;
  }
  return writer;
}

// Poco retries a failing open until its login timeout (60 s by default);
// failing to open a local file is not worth waiting that long for.
constexpr std::size_t kOpenTimeoutSeconds = 5;

// Creates the file 0600 when missing and takes group/other access away from
// one that exists, with its WAL and shared-memory files (SQLite creates those
// with the database file's mode, so a fresh database needs nothing more).
//
// An existing file is never opened here: closing any descriptor of a file
// drops every POSIX lock the process holds on it, SQLite's included. A
// connection opened while the database was in use then left this process's
// connections without their locks, and another process closing its last
// connection could take the database for unused, checkpoint it and delete
// the WAL under them (seen as "no such table" on a host's next read while a
// test read the file beside it).
void restrictToOwner(const std::string& path) {
  const int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd >= 0) {
    ::close(fd);  // a file created just now: nobody holds locks on it yet
  } else if (errno != EEXIST) {
    throw std::runtime_error("cannot create " + path + ": " + std::strerror(errno));
  }
  if (::chmod(path.c_str(), 0600) != 0) {
    throw std::runtime_error("cannot chmod 0600 " + path + ": " + std::strerror(errno));
  }
  for (const char* suffix : {"-wal", "-shm"}) ::chmod((path + suffix).c_str(), 0600);  // absent: nothing to do
}

std::unique_ptr<Poco::Data::Session> connect(const std::string& path, int busyTimeoutMs, int pageCacheKiB) {
  auto session = std::make_unique<Poco::Data::Session>(Poco::Data::SQLite::Connector::KEY, path, kOpenTimeoutSeconds);
  Query(*session, "PRAGMA busy_timeout = " + std::to_string(busyTimeoutMs)).rows();
  Query(*session, "PRAGMA journal_mode = WAL").rows();
  // No fsync inside COMMIT (under the writer lock): durability comes from the
  // group commit the answer waits for (wal_group_commit.h).
  Query(*session, "PRAGMA synchronous = NORMAL").execute();
  Query(*session, "PRAGMA foreign_keys = ON").execute();
  // Freed space is zeroed: a row rewritten sealed (metadata an older host
  // stored in plaintext) must not leave its plaintext behind in the file.
  Query(*session, "PRAGMA secure_delete = ON").rows();  // answers the new value
  // Each connection has its own page cache, 2 MiB by default; under
  // concurrent requests the pool grows to its 16 connections and every cache
  // fills with the pages the sync log and audit rows touch: +32 MB of RSS
  // that stays (docs/benchmarks.md, "RSS"). In WAL mode a connection drops
  // its cache whenever another one committed, so a big cache buys a reader
  // little; the kernel's page cache keeps the file's pages for all of them.
  // The writer connection's cache is bigger: no other connection commits.
  Query(*session, "PRAGMA cache_size = -" + std::to_string(pageCacheKiB)).execute();
  return session;
}

}  // namespace

std::unique_ptr<Database> openSqliteDatabase(const std::string& path, const std::string& description,
                                             const DatabaseOptions& options) {
  static std::once_flag registered;
  std::call_once(registered, [] { Poco::Data::SQLite::Connector::registerConnector(); });

  const std::filesystem::path parent = std::filesystem::absolute(path).parent_path();
  if (!std::filesystem::is_directory(parent)) {
    throw std::runtime_error("directory " + parent.string() + " does not exist");
  }
  restrictToOwner(path);  // once, before this database's first connection
  BackendSpec spec;
  spec.dialect = std::make_unique<SqliteDialect>();
  const int busyTimeoutMs = options.busyTimeoutMs;
  const auto connectWith = [path, busyTimeoutMs](int pageCacheKiB) {
    return [path, busyTimeoutMs, pageCacheKiB] {
      auto session = connect(path, busyTimeoutMs, pageCacheKiB);
      auto statements = std::make_unique<SqliteStatements>(Poco::Data::SQLite::Utility::dbHandle(*session));
      return std::make_unique<PooledConnection>(std::move(session), std::move(statements));
    };
  };
  spec.connect = connectWith(kSqlitePageCacheKiB);
  spec.transactions.beginSql = "BEGIN IMMEDIATE";
  spec.transactions.writerLock = writerLockFor(path);
  // Held by the writer's factory: it outlives every writer connection it watches.
  auto checkpointer = std::make_shared<WalCheckpointer>(
      [path, busyTimeoutMs] { return connect(path, busyTimeoutMs, kSqlitePageCacheKiB); }, spec.transactions.writerLock);
  spec.transactions.writerConnection = std::make_shared<WriterConnection>(
      [connectWriter = connectWith(kSqliteWriterPageCacheKiB), checkpointer] {
        auto writer = connectWriter();
        checkpointer->watch(Poco::Data::SQLite::Utility::dbHandle(*writer->session));
        return writer;
      });
  spec.transactions.lockTimeout = std::chrono::milliseconds(options.busyTimeoutMs);
  if (options.durableCommits) spec.transactions.groupCommit = std::make_shared<WalGroupCommit>(std::filesystem::absolute(path).string() + "-wal");
  spec.description = description;
  return std::make_unique<PooledDatabase>(std::move(spec), options);
}

}  // namespace ih::host::storage
