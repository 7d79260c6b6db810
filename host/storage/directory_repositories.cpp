// host/storage/directory_repositories.cpp - see directory_repositories.h.
#include "storage/directory_repositories.h"

#include "common/strings.h"
#include "storage/query.h"
#include "storage/unit_of_work.h"

namespace ih::host::storage {

namespace {

constexpr const char* kUserColumns = "u.id, u.email, u.name, u.active, u.created_at";

User userFromRow(const Row& row) {
  User user;
  user.id = row.int64(0);
  user.email = row.text(1);
  user.name = row.text(2);
  user.active = row.boolean(3);
  user.createdAt = row.int64(4);
  return user;
}

Organization organizationFromRow(const Row& row) {
  return Organization{row.int64(0), row.text(1), row.text(2), row.int64(3)};
}

std::vector<int64_t> idColumn(std::vector<Row> rows) {
  std::vector<int64_t> ids;
  ids.reserve(rows.size());
  for (const auto& row : rows) ids.push_back(row.int64(0));
  return ids;
}

}  // namespace

// --- organizations -----------------------------------------------------------

Organization OrganizationRepository::insert(const std::string& slug, const std::string& name, int64_t now) {
  uow_.beginWrite();
  const int64_t id = Query(uow_, "INSERT INTO organizations (slug, name, created_at) VALUES (?, ?, ?) RETURNING id")
                         .bind(slug)
                         .bind(name)
                         .bind(now)
                         .scalarInt64();
  return Organization{id, slug, name, now};
}

std::optional<Organization> OrganizationRepository::findBySlug(std::string_view slug) {
  auto row = Query(uow_, "SELECT id, slug, name, created_at FROM organizations WHERE slug = ?").bind(slug).one();
  if (!row) return std::nullopt;
  return organizationFromRow(*row);
}

std::optional<Organization> OrganizationRepository::findById(int64_t id) {
  auto row = Query(uow_, "SELECT id, slug, name, created_at FROM organizations WHERE id = ?").bind(id).one();
  if (!row) return std::nullopt;
  return organizationFromRow(*row);
}

// --- users -------------------------------------------------------------------

User UserRepository::insert(const User& user) {
  uow_.beginWrite();
  User stored = user;
  stored.id = Query(uow_,
                    "INSERT INTO users (email, email_lower, name, active, created_at)"
                    " VALUES (?, ?, ?, ?, ?) RETURNING id")
                  .bind(user.email)
                  .bind(toLowerAscii(user.email))
                  .bind(user.name)
                  .bind(user.active)
                  .bind(user.createdAt)
                  .scalarInt64();
  for (const auto& email : user.emails) {
    const bool primary = toLowerAscii(email.email) == toLowerAscii(user.email);
    Query(uow_, "INSERT INTO user_emails (user_id, email, email_lower, verified, is_primary) VALUES (?, ?, ?, ?, ?)")
        .bind(stored.id)
        .bind(email.email)
        .bind(toLowerAscii(email.email))
        .bind(email.verified)
        .bind(primary)
        .execute();
  }
  return stored;
}

User UserRepository::withEmails(User user) {
  user.emails.clear();
  const auto rows = Query(uow_,
                          "SELECT email, verified FROM user_emails WHERE user_id = ?"
                          " ORDER BY is_primary DESC, id")
                        .bind(user.id)
                        .rows();
  for (const auto& row : rows) user.emails.push_back(UserEmail{row.text(0), row.boolean(1)});
  return user;
}

// The user and their emails in one statement, since an inbound delivery
// reads its users by id and each statement is a round trip on PostgreSQL: a
// row per email, or one row with no email when the user has none.
std::optional<User> UserRepository::findById(int64_t id) {
  const auto rows = Query(uow_, std::string("SELECT ") + kUserColumns +
                                    ", e.email, e.verified FROM users u LEFT JOIN user_emails e ON e.user_id = u.id"
                                    " WHERE u.id = ? ORDER BY e.is_primary DESC, e.id")
                        .bind(id)
                        .rows();
  if (rows.empty()) return std::nullopt;
  User user = userFromRow(rows.front());
  for (const auto& row : rows) {
    if (!row.isNull(5)) user.emails.push_back(UserEmail{row.text(5), row.boolean(6)});
  }
  return user;
}

std::optional<User> UserRepository::findByPrimaryEmail(std::string_view email) {
  auto row = Query(uow_, std::string("SELECT ") + kUserColumns + " FROM users u WHERE u.email_lower = ?")
                 .bind(toLowerAscii(email))
                 .one();
  if (!row) return std::nullopt;
  return withEmails(userFromRow(*row));
}

std::optional<User> UserRepository::findByVerifiedEmail(std::string_view email) {
  auto row = Query(uow_, std::string("SELECT ") + kUserColumns +
                             " FROM users u JOIN user_emails e ON e.user_id = u.id"
                             " WHERE e.email_lower = ? AND e.verified = 1 ORDER BY u.id LIMIT 1")
                 .bind(toLowerAscii(email))
                 .one();
  if (!row) return std::nullopt;
  return withEmails(userFromRow(*row));
}

void UserRepository::setActive(int64_t userId, bool active) {
  uow_.beginWrite();
  Query(uow_, "UPDATE users SET active = ? WHERE id = ?").bind(active).bind(userId).execute();
}

std::vector<User> UserRepository::findEligible(int64_t organizationId, std::string_view email, int64_t projectId) {
  // Membership of the org, then a team of the org that has the project (or
  // any of its projects): organization membership alone does not count.
  // Each user's emails come in the same statement (a row per email, as in
  // findById): an inbound assignment runs this per delivery.
  std::string sql = std::string("SELECT ") + kUserColumns +
                    ", all_emails.email, all_emails.verified FROM users u"
                    " JOIN user_emails e ON e.user_id = u.id AND e.email_lower = ? AND e.verified = 1"
                    " JOIN members m ON m.user_id = u.id AND m.organization_id = ?"
                    " JOIN user_emails all_emails ON all_emails.user_id = u.id"
                    " WHERE u.active = 1 AND EXISTS ("
                    "  SELECT 1 FROM team_members tm"
                    "  JOIN teams t ON t.id = tm.team_id AND t.organization_id = ?"
                    "  JOIN project_teams pt ON pt.team_id = tm.team_id"
                    "  WHERE tm.user_id = u.id";
  sql += projectId != 0 ? " AND pt.project_id = ?)" : ")";
  sql += " ORDER BY u.id, all_emails.is_primary DESC, all_emails.id";
  Query query(uow_, sql);
  query.bind(toLowerAscii(email)).bind(organizationId).bind(organizationId);
  if (projectId != 0) query.bind(projectId);
  std::vector<User> users;
  for (const auto& row : query.rows()) {
    if (users.empty() || users.back().id != row.int64(0)) users.push_back(userFromRow(row));
    users.back().emails.push_back(UserEmail{row.text(5), row.boolean(6)});
  }
  return users;
}

// --- members -----------------------------------------------------------------

void MemberRepository::upsert(int64_t organizationId, int64_t userId, Role role, int64_t now) {
  uow_.beginWrite();
  Query(uow_,
        "INSERT INTO members (organization_id, user_id, role, created_at) VALUES (?, ?, ?, ?)"
        " ON CONFLICT (organization_id, user_id) DO UPDATE SET role = excluded.role")
      .bind(organizationId)
      .bind(userId)
      .bind(toString(role))
      .bind(now)
      .execute();
}

std::optional<Role> MemberRepository::roleOf(int64_t organizationId, int64_t userId) {
  auto row = Query(uow_, "SELECT role FROM members WHERE organization_id = ? AND user_id = ?")
                 .bind(organizationId)
                 .bind(userId)
                 .one();
  if (!row) return std::nullopt;
  return roleFromString(row->text(0));
}

// --- teams -------------------------------------------------------------------

Team TeamRepository::insert(int64_t organizationId, const std::string& slug, int64_t now) {
  uow_.beginWrite();
  const int64_t id = Query(uow_, "INSERT INTO teams (organization_id, slug, created_at) VALUES (?, ?, ?) RETURNING id")
                         .bind(organizationId)
                         .bind(slug)
                         .bind(now)
                         .scalarInt64();
  return Team{id, organizationId, slug};
}

std::optional<Team> TeamRepository::findBySlug(int64_t organizationId, std::string_view slug) {
  auto row = Query(uow_, "SELECT id, organization_id, slug FROM teams WHERE organization_id = ? AND slug = ?")
                 .bind(organizationId)
                 .bind(slug)
                 .one();
  if (!row) return std::nullopt;
  return Team{row->int64(0), row->int64(1), row->text(2)};
}

void TeamRepository::addMember(int64_t teamId, int64_t userId) {
  uow_.beginWrite();
  Query(uow_, "INSERT INTO team_members (team_id, user_id) VALUES (?, ?) ON CONFLICT DO NOTHING")
      .bind(teamId)
      .bind(userId)
      .execute();
}

// --- projects ----------------------------------------------------------------

Project ProjectRepository::insert(int64_t organizationId, const std::string& slug, const std::vector<int64_t>& teamIds,
                                  int64_t now) {
  uow_.beginWrite();
  Project project{0, organizationId, slug, teamIds};
  project.id = Query(uow_, "INSERT INTO projects (organization_id, slug, created_at) VALUES (?, ?, ?) RETURNING id")
                   .bind(organizationId)
                   .bind(slug)
                   .bind(now)
                   .scalarInt64();
  for (int64_t teamId : teamIds) {
    Query(uow_, "INSERT INTO project_teams (project_id, team_id) VALUES (?, ?) ON CONFLICT DO NOTHING")
        .bind(project.id)
        .bind(teamId)
        .execute();
  }
  return project;
}

std::vector<int64_t> ProjectRepository::teamIdsOf(int64_t projectId) {
  return idColumn(
      Query(uow_, "SELECT team_id FROM project_teams WHERE project_id = ? ORDER BY team_id").bind(projectId).rows());
}

std::optional<Project> ProjectRepository::findBySlug(int64_t organizationId, std::string_view slug) {
  auto row = Query(uow_, "SELECT id, organization_id, slug FROM projects WHERE organization_id = ? AND slug = ?")
                 .bind(organizationId)
                 .bind(slug)
                 .one();
  if (!row) return std::nullopt;
  return Project{row->int64(0), row->int64(1), row->text(2), teamIdsOf(row->int64(0))};
}

std::optional<Project> ProjectRepository::findById(int64_t id) {
  auto row = Query(uow_, "SELECT id, organization_id, slug FROM projects WHERE id = ?").bind(id).one();
  if (!row) return std::nullopt;
  return Project{row->int64(0), row->int64(1), row->text(2), teamIdsOf(id)};
}

int64_t ProjectRepository::nextShortNumber(int64_t projectId) {
  uow_.beginWrite();
  return Query(uow_,
               "UPDATE projects SET next_short_number = next_short_number + 1 WHERE id = ?"
               " RETURNING next_short_number")
      .bind(projectId)
      .scalarInt64();
}

// --- releases ----------------------------------------------------------------

Release ReleaseRepository::insert(int64_t organizationId, const std::string& version,
                                  const std::vector<int64_t>& projectIds, int64_t now) {
  uow_.beginWrite();
  Release release{0, organizationId, version, projectIds, now};
  release.id = Query(uow_, "INSERT INTO releases (organization_id, version, created_at) VALUES (?, ?, ?) RETURNING id")
                   .bind(organizationId)
                   .bind(version)
                   .bind(now)
                   .scalarInt64();
  for (int64_t projectId : projectIds) {
    Query(uow_, "INSERT INTO release_projects (release_id, project_id) VALUES (?, ?) ON CONFLICT DO NOTHING")
        .bind(release.id)
        .bind(projectId)
        .execute();
  }
  return release;
}

std::optional<Release> ReleaseRepository::withProjects(std::optional<Release> release) {
  if (release) {
    release->projectIds =
        idColumn(Query(uow_, "SELECT project_id FROM release_projects WHERE release_id = ? ORDER BY project_id")
                     .bind(release->id)
                     .rows());
  }
  return release;
}

std::optional<Release> ReleaseRepository::findByVersion(int64_t organizationId, std::string_view version) {
  auto row = Query(uow_,
                   "SELECT id, organization_id, version, created_at FROM releases"
                   " WHERE organization_id = ? AND version = ?")
                 .bind(organizationId)
                 .bind(version)
                 .one();
  if (!row) return std::nullopt;
  return withProjects(Release{row->int64(0), row->int64(1), row->text(2), {}, row->int64(3)});
}

std::optional<Release> ReleaseRepository::latestForProject(int64_t projectId) {
  auto row = Query(uow_,
                   "SELECT r.id, r.organization_id, r.version, r.created_at FROM releases r"
                   " JOIN release_projects rp ON rp.release_id = r.id WHERE rp.project_id = ?"
                   " ORDER BY r.created_at DESC, r.id DESC LIMIT 1")
                 .bind(projectId)
                 .one();
  if (!row) return std::nullopt;
  return withProjects(Release{row->int64(0), row->int64(1), row->text(2), {}, row->int64(3)});
}

// --- API tokens --------------------------------------------------------------

void ApiTokenRepository::insert(int64_t userId, const std::string& tokenHash, int64_t now) {
  uow_.beginWrite();
  Query(uow_, "INSERT INTO api_tokens (user_id, token_hash, created_at) VALUES (?, ?, ?)")
      .bind(userId)
      .bind(tokenHash)
      .bind(now)
      .execute();
}

std::optional<int64_t> ApiTokenRepository::activeUserFor(std::string_view tokenHash) {
  auto row = Query(uow_,
                   "SELECT u.id FROM api_tokens t JOIN users u ON u.id = t.user_id"
                   " WHERE t.token_hash = ? AND u.active = 1")
                 .bind(tokenHash)
                 .one();
  if (!row) return std::nullopt;
  return row->int64(0);
}

}  // namespace ih::host::storage
