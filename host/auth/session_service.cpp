// host/auth/session_service.cpp - see session_service.h.
#include "auth/session_service.h"

#include <algorithm>

#include "auth/crypto.h"

namespace ih::host::auth {

namespace {

constexpr size_t kTokenBytes = 32;

}  // namespace

std::string SessionService::tokenHash(std::string_view token) { return sha256Hex(token); }

int64_t SessionService::expiryFor(int64_t createdAt, int64_t now) const {
  return std::min(now + settings_.idleTimeoutMs, createdAt + settings_.absoluteLifetimeMs);
}

int64_t SessionService::touchIntervalMs() const { return std::min<int64_t>(settings_.idleTimeoutMs / 20, 60000); }

OpenedSession SessionService::open(storage::UnitOfWork& uow, std::optional<int64_t> userId,
                                   std::optional<std::string> adminTokenHash) {
  const int64_t now = clock_.nowMs();
  storage::SessionRepository sessions(uow);
  // Expired rows are swept here, at sign-in, rather than by a timer.
  sessions.removeExpired(now);
  OpenedSession opened;
  opened.token = base64UrlEncode(randomBytes(kTokenBytes));
  storage::SessionRow row;
  row.userId = userId;
  row.adminTokenHash = std::move(adminTokenHash);
  row.createdAt = now;
  row.lastSeenAt = now;
  row.expiresAt = expiryFor(now, now);
  opened.row = sessions.insert(tokenHash(opened.token), row);
  return opened;
}

std::optional<storage::SessionRow> SessionService::find(storage::UnitOfWork& uow, std::string_view token) {
  if (token.empty()) return std::nullopt;
  return storage::SessionRepository(uow).findLive(tokenHash(token), clock_.nowMs());
}

bool SessionService::touchDue(const storage::SessionRow& session) const {
  return clock_.nowMs() - session.lastSeenAt >= touchIntervalMs();
}

void SessionService::touch(storage::UnitOfWork& uow, const storage::SessionRow& session) {
  const int64_t now = clock_.nowMs();
  storage::SessionRepository(uow).touch(session.id, now, expiryFor(session.createdAt, now));
}

void SessionService::close(storage::UnitOfWork& uow, std::string_view token) {
  storage::SessionRepository(uow).remove(tokenHash(token));
}

size_t SessionService::closeOthers(storage::UnitOfWork& uow, int64_t userId, int64_t keepId) {
  return storage::SessionRepository(uow).removeForUser(userId, keepId);
}

}  // namespace ih::host::auth
