// host/storage/sign_in_repositories.cpp - see sign_in_repositories.h.
#include "storage/sign_in_repositories.h"

#include "storage/query.h"
#include "storage/unit_of_work.h"

namespace ih::host::storage {

namespace {

constexpr const char* kSessionColumns =
    "s.id, s.user_id, s.admin_token_hash, s.created_at, s.last_seen_at, s.expires_at";

SessionRow sessionFromRow(const Row& row) {
  return SessionRow{row.int64(0), row.optInt64(1), row.optText(2), row.int64(3), row.int64(4), row.int64(5)};
}

}  // namespace

std::optional<std::string> PasswordRepository::hashOf(int64_t userId) {
  auto row = Query(uow_, "SELECT password_hash FROM users WHERE id = ? AND active = 1").bind(userId).one();
  if (!row || row->isNull(0)) return std::nullopt;
  return row->text(0);
}

void PasswordRepository::set(int64_t userId, const std::string& passwordHash) {
  uow_.beginWrite();
  Query(uow_, "UPDATE users SET password_hash = ? WHERE id = ?").bind(passwordHash).bind(userId).execute();
}

SessionRow SessionRepository::insert(const std::string& tokenHash, const SessionRow& session) {
  uow_.beginWrite();
  SessionRow stored = session;
  stored.id = Query(uow_,
                    "INSERT INTO sessions (token_hash, user_id, admin_token_hash, created_at, last_seen_at, expires_at)"
                    " VALUES (?, ?, ?, ?, ?, ?) RETURNING id")
                  .bind(tokenHash)
                  .bind(session.userId)
                  .bind(session.adminTokenHash)
                  .bind(session.createdAt)
                  .bind(session.lastSeenAt)
                  .bind(session.expiresAt)
                  .scalarInt64();
  return stored;
}

std::optional<SessionRow> SessionRepository::findLive(std::string_view tokenHash, int64_t now) {
  auto row = Query(uow_, std::string("SELECT ") + kSessionColumns +
                             " FROM sessions s LEFT JOIN users u ON u.id = s.user_id"
                             " WHERE s.token_hash = ? AND s.expires_at > ?"
                             " AND (s.user_id IS NULL OR u.active = 1)")
                 .bind(tokenHash)
                 .bind(now)
                 .one();
  if (!row) return std::nullopt;
  return sessionFromRow(*row);
}

void SessionRepository::touch(int64_t sessionId, int64_t lastSeenAt, int64_t expiresAt) {
  uow_.beginWrite();
  Query(uow_, "UPDATE sessions SET last_seen_at = ?, expires_at = ? WHERE id = ?")
      .bind(lastSeenAt)
      .bind(expiresAt)
      .bind(sessionId)
      .execute();
}

void SessionRepository::remove(std::string_view tokenHash) {
  uow_.beginWrite();
  Query(uow_, "DELETE FROM sessions WHERE token_hash = ?").bind(tokenHash).execute();
}

size_t SessionRepository::removeForUser(int64_t userId, int64_t keepId) {
  uow_.beginWrite();
  return Query(uow_, "DELETE FROM sessions WHERE user_id = ? AND id <> ?").bind(userId).bind(keepId).execute();
}

size_t SessionRepository::removeExpired(int64_t now) {
  uow_.beginWrite();
  return Query(uow_, "DELETE FROM sessions WHERE expires_at <= ?").bind(now).execute();
}

}  // namespace ih::host::storage
