// host/storage/directory_repositories.h - repositories of the directory
// aggregates: organizations, users (+ emails), memberships, teams, projects,
// releases and API tokens.
//
// A repository is a thin, stateless view of one aggregate's tables over a
// unit of work: construct it on the stack where needed. Write methods open
// the write transaction themselves (UnitOfWork::beginWrite is idempotent).
// Emails are matched through their stored lower-case form.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "storage/records.h"

namespace ih::host::storage {

class UnitOfWork;

class OrganizationRepository {
 public:
  explicit OrganizationRepository(UnitOfWork& uow) : uow_(uow) {}
  Organization insert(const std::string& slug, const std::string& name, int64_t now);
  std::optional<Organization> findBySlug(std::string_view slug);
  std::optional<Organization> findById(int64_t id);

 private:
  UnitOfWork& uow_;
};

class UserRepository {
 public:
  explicit UserRepository(UnitOfWork& uow) : uow_(uow) {}
  // Inserts the user and every entry of user.emails (the primary included).
  User insert(const User& user);
  std::optional<User> findById(int64_t id);
  // The user whose primary email this is.
  std::optional<User> findByPrimaryEmail(std::string_view email);
  // The lowest-id user with this verified email (primary or secondary).
  std::optional<User> findByVerifiedEmail(std::string_view email);
  void setActive(int64_t userId, bool active);
  // Active members of the organization with this verified email who are on a
  // team that has the project (projectId 0: on a team of the organization
  // that has any project). Lowest id first.
  std::vector<User> findEligible(int64_t organizationId, std::string_view email, int64_t projectId);

 private:
  User withEmails(User user);
  UnitOfWork& uow_;
};

class MemberRepository {
 public:
  explicit MemberRepository(UnitOfWork& uow) : uow_(uow) {}
  // Adds the member or changes the role of an existing one.
  void upsert(int64_t organizationId, int64_t userId, Role role, int64_t now);
  std::optional<Role> roleOf(int64_t organizationId, int64_t userId);

 private:
  UnitOfWork& uow_;
};

class TeamRepository {
 public:
  explicit TeamRepository(UnitOfWork& uow) : uow_(uow) {}
  Team insert(int64_t organizationId, const std::string& slug, int64_t now);
  std::optional<Team> findBySlug(int64_t organizationId, std::string_view slug);
  void addMember(int64_t teamId, int64_t userId);  // idempotent

 private:
  UnitOfWork& uow_;
};

class ProjectRepository {
 public:
  explicit ProjectRepository(UnitOfWork& uow) : uow_(uow) {}
  Project insert(int64_t organizationId, const std::string& slug, const std::vector<int64_t>& teamIds, int64_t now);
  std::optional<Project> findBySlug(int64_t organizationId, std::string_view slug);
  std::optional<Project> findById(int64_t id);
  // Reserves the project's next issue number (1, 2, ...).
  int64_t nextShortNumber(int64_t projectId);

 private:
  std::vector<int64_t> teamIdsOf(int64_t projectId);
  UnitOfWork& uow_;
};

class ReleaseRepository {
 public:
  explicit ReleaseRepository(UnitOfWork& uow) : uow_(uow) {}
  Release insert(int64_t organizationId, const std::string& version, const std::vector<int64_t>& projectIds,
                 int64_t now);
  std::optional<Release> findByVersion(int64_t organizationId, std::string_view version);
  // Newest by creation time, then id.
  std::optional<Release> latestForProject(int64_t projectId);

 private:
  std::optional<Release> withProjects(std::optional<Release> release);
  UnitOfWork& uow_;
};

class ApiTokenRepository {
 public:
  explicit ApiTokenRepository(UnitOfWork& uow) : uow_(uow) {}
  void insert(int64_t userId, const std::string& tokenHash, int64_t now);
  // The token's user, if that user is active.
  std::optional<int64_t> activeUserFor(std::string_view tokenHash);

 private:
  UnitOfWork& uow_;
};

}  // namespace ih::host::storage
