// host/auth/session_service.h - browser sessions: opened at sign-in, found by
// the cookie's value, kept alive by use, ended by sign-out, by the idle
// timeout or by the absolute lifetime.
//
// A session token is 32 random bytes (base64url); only its SHA-256 is
// stored. A session opened with the admin token remembers that token's hash
// and stops working when the host runs with another admin token. Activity is
// written back at most once per touch interval (a twentieth of the idle
// timeout, at most a minute), not on every request, so reads stay reads.
// Stateless apart from its settings: thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "common/clock.h"
#include "storage/sign_in_repositories.h"
#include "storage/unit_of_work.h"

namespace ih::host::auth {

struct SessionSettings {
  int64_t idleTimeoutMs = 8 * 3600 * 1000;              // a working day without use
  int64_t absoluteLifetimeMs = 7 * 24 * 3600 * 1000LL;  // sign in again weekly regardless
};

struct OpenedSession {
  std::string token;  // for the cookie; never stored
  storage::SessionRow row;
};

class SessionService {
 public:
  SessionService(const Clock& clock, SessionSettings settings) : clock_(clock), settings_(settings) {}

  const SessionSettings& settings() const { return settings_; }

  // userId none = the superuser; then adminTokenHash names the admin token.
  OpenedSession open(storage::UnitOfWork& uow, std::optional<int64_t> userId,
                     std::optional<std::string> adminTokenHash);
  // A live session for the token (not expired, user active); nullopt otherwise.
  std::optional<storage::SessionRow> find(storage::UnitOfWork& uow, std::string_view token);
  // Whether the session's last use is old enough to be written back.
  bool touchDue(const storage::SessionRow& session) const;
  // Records a use now: pushes the idle expiry (never past the absolute one).
  void touch(storage::UnitOfWork& uow, const storage::SessionRow& session);
  void close(storage::UnitOfWork& uow, std::string_view token);
  // Ends the user's other sessions (keepId 0: all of them), e.g. after a
  // password change. Returns how many ended.
  size_t closeOthers(storage::UnitOfWork& uow, int64_t userId, int64_t keepId);

  static std::string tokenHash(std::string_view token);

 private:
  int64_t expiryFor(int64_t createdAt, int64_t now) const;
  int64_t touchIntervalMs() const;

  const Clock& clock_;
  SessionSettings settings_;
};

}  // namespace ih::host::auth
