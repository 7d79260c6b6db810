// host/domain/directory_service.h - organizations, users and their emails,
// API tokens, memberships and roles, teams, projects and releases.
//
// Validation failures throw ValidationError with the contract's field names;
// unknown references throw NotFoundError. Every method works inside the
// caller's unit of work; writers call uow.beginWrite() themselves.
// Thread-safe (stateless apart from its collaborators).
//
// The members an inbound assignment may pick are read for every delivery, so
// they are kept in the LookupCache (when given); every change here that can
// alter who is eligible - a user, an email, a membership, a team, a project's
// teams, deactivation - empties it at commit, on every host.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/clock.h"
#include "storage/directory_listings.h"
#include "storage/records.h"
#include "storage/unit_of_work.h"

namespace ih::host::domain {

class LookupCache;

class DirectoryService {
 public:
  explicit DirectoryService(const Clock& clock, LookupCache* lookups = nullptr);
  const Clock& clock() const { return clock_; }

  // --- organizations -------------------------------------------------------
  // slug: [a-z0-9][a-z0-9_-]{0,49}, unique; name: 1..200 chars.
  storage::Organization createOrganization(storage::UnitOfWork& uow, const std::string& slug,
                                           const std::string& name);
  std::optional<storage::Organization> findOrganization(storage::UnitOfWork& uow, std::string_view slug);
  std::optional<storage::Organization> findOrganization(storage::UnitOfWork& uow, int64_t organizationId);

  // --- users and tokens ----------------------------------------------------
  // The primary email is always stored verified; `emails` may repeat it.
  storage::User createUser(storage::UnitOfWork& uow, const std::string& email, const std::string& name,
                           const std::vector<storage::UserEmail>& emails);
  std::optional<storage::User> findUser(storage::UnitOfWork& uow, int64_t userId);
  // By primary email, else the lowest-id user with that verified email.
  std::optional<storage::User> findUserByEmail(storage::UnitOfWork& uow, std::string_view email);
  // Deactivated users keep their data but cannot authenticate or be matched
  // by inbound sync.
  void setUserActive(storage::UnitOfWork& uow, int64_t userId, bool active);
  // A new random token for the user; only its SHA-256 is stored. Returned once.
  std::string issueApiToken(storage::UnitOfWork& uow, int64_t userId);
  // The active user the token belongs to.
  std::optional<int64_t> userForApiToken(storage::UnitOfWork& uow, std::string_view token);

  // --- membership ----------------------------------------------------------
  void addMember(storage::UnitOfWork& uow, int64_t organizationId, int64_t userId, storage::Role role);
  std::optional<storage::Role> roleOf(storage::UnitOfWork& uow, int64_t organizationId, int64_t userId);

  // --- lists the web app shows (bounded, display order) --------------------
  // The user's organizations with their role; for the superuser (userId
  // none) every organization, role none.
  std::vector<storage::OrganizationMembership> organizationsOf(storage::UnitOfWork& uow,
                                                               std::optional<int64_t> userId);
  // Active members, owners first.
  std::vector<storage::MemberListing> members(storage::UnitOfWork& uow, int64_t organizationId);
  std::vector<storage::Project> projects(storage::UnitOfWork& uow, int64_t organizationId);

  // --- teams and projects --------------------------------------------------
  storage::Team createTeam(storage::UnitOfWork& uow, int64_t organizationId, const std::string& slug);
  // The user must be a member of the team's organization.
  void addTeamMember(storage::UnitOfWork& uow, int64_t organizationId, const std::string& teamSlug,
                     int64_t userId);
  storage::Project createProject(storage::UnitOfWork& uow, int64_t organizationId, const std::string& slug,
                                 const std::vector<std::string>& teamSlugs);
  std::optional<storage::Project> findProject(storage::UnitOfWork& uow, int64_t organizationId,
                                              std::string_view slug);
  std::optional<storage::Project> findProject(storage::UnitOfWork& uow, int64_t projectId);

  // --- releases ------------------------------------------------------------
  storage::Release createRelease(storage::UnitOfWork& uow, int64_t organizationId, const std::string& version,
                                 const std::vector<std::string>& projectSlugs);
  // The project's most recent release (by creation time, then id), if any.
  std::optional<storage::Release> latestRelease(storage::UnitOfWork& uow, int64_t projectId);

  // --- user resolution for inbound sync ------------------------------------
  // Active users of the organization with a VERIFIED email equal to `email`
  // (case-insensitive) who are on a team that has `projectId` (0 = any team),
  // lowest id first.
  std::vector<storage::User> usersByVerifiedEmail(storage::UnitOfWork& uow, int64_t organizationId,
                                                  std::string_view email, int64_t projectId);

 private:
  // Inside every change that can alter who usersByVerifiedEmail() finds.
  void noteEligibilityChange(storage::UnitOfWork& uow);

  const Clock& clock_;
  LookupCache* lookups_;
};

}  // namespace ih::host::domain
