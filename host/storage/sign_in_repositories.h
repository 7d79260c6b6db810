// host/storage/sign_in_repositories.h - what browser sign-in stores: users'
// password hashes and the sessions behind the web app's cookie.
//
// Stateless views over a unit of work, like the other repositories. Sessions
// are looked up by the SHA-256 of the cookie value (the value itself is never
// stored); a session of a deactivated user is never found.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace ih::host::storage {

class UnitOfWork;

class PasswordRepository {
 public:
  explicit PasswordRepository(UnitOfWork& uow) : uow_(uow) {}
  // The stored hash of an active user's password (none: no password set, or
  // no such active user).
  std::optional<std::string> hashOf(int64_t userId);
  void set(int64_t userId, const std::string& passwordHash);

 private:
  UnitOfWork& uow_;
};

struct SessionRow {
  int64_t id = 0;
  std::optional<int64_t> userId;              // none: an admin-token session
  std::optional<std::string> adminTokenHash;  // set on admin-token sessions
  int64_t createdAt = 0;
  int64_t lastSeenAt = 0;
  int64_t expiresAt = 0;
};

class SessionRepository {
 public:
  explicit SessionRepository(UnitOfWork& uow) : uow_(uow) {}
  SessionRow insert(const std::string& tokenHash, const SessionRow& session);
  // A session that has not expired at `now`, of an active user (or the admin).
  std::optional<SessionRow> findLive(std::string_view tokenHash, int64_t now);
  void touch(int64_t sessionId, int64_t lastSeenAt, int64_t expiresAt);
  void remove(std::string_view tokenHash);
  // Every session of the user except `keepId` (0 = none kept); returns how many.
  size_t removeForUser(int64_t userId, int64_t keepId);
  size_t removeExpired(int64_t now);

 private:
  UnitOfWork& uow_;
};

}  // namespace ih::host::storage
