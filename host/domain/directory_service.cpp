// host/domain/directory_service.cpp - see directory_service.h.
#include "domain/directory_service.h"

#include "auth/crypto.h"
#include "common/errors.h"
#include "common/strings.h"
#include "domain/lookup_cache.h"
#include "domain/validation.h"
#include "storage/directory_repositories.h"

namespace ih::host::domain {

using storage::UnitOfWork;

namespace {

constexpr size_t kTokenBytes = 32;

storage::Organization requireOrganization(UnitOfWork& uow, int64_t organizationId) {
  auto organization = storage::OrganizationRepository(uow).findById(organizationId);
  if (!organization) throw NotFoundError();
  return *organization;
}

// The primary first (always verified), then the others once each.
std::vector<storage::UserEmail> mergeEmails(const std::string& primary, const std::vector<storage::UserEmail>& emails) {
  std::vector<storage::UserEmail> merged{{primary, true}};
  for (const auto& email : emails) {
    const std::string key = toLowerAscii(email.email);
    bool seen = false;
    for (auto& existing : merged) {
      if (toLowerAscii(existing.email) == key) {
        existing.verified = existing.verified || email.verified;
        seen = true;
      }
    }
    if (!seen) merged.push_back(email);
  }
  return merged;
}

}  // namespace

DirectoryService::DirectoryService(const Clock& clock, LookupCache* lookups) : clock_(clock), lookups_(lookups) {}

void DirectoryService::noteEligibilityChange(UnitOfWork& uow) { LookupCache::noteChange(uow, lookups_); }

// --- organizations ---------------------------------------------------------

storage::Organization DirectoryService::createOrganization(UnitOfWork& uow, const std::string& slug,
                                                           const std::string& name) {
  FieldErrors errors;
  errors.requireSlug("slug", slug);
  errors.requireName("name", name);
  errors.throwIfAny();
  uow.beginWrite();
  storage::OrganizationRepository organizations(uow);
  if (organizations.findBySlug(slug)) throw ValidationError("slug", "An organization with this slug already exists.");
  return organizations.insert(slug, std::string(trim(name)), clock_.nowMs());
}

std::optional<storage::Organization> DirectoryService::findOrganization(UnitOfWork& uow, std::string_view slug) {
  return storage::OrganizationRepository(uow).findBySlug(slug);
}

std::optional<storage::Organization> DirectoryService::findOrganization(UnitOfWork& uow, int64_t organizationId) {
  return storage::OrganizationRepository(uow).findById(organizationId);
}

// --- users and tokens --------------------------------------------------------

storage::User DirectoryService::createUser(UnitOfWork& uow, const std::string& email, const std::string& name,
                                           const std::vector<storage::UserEmail>& emails) {
  FieldErrors errors;
  errors.requireEmail("email", email);
  errors.requireName("name", name);
  for (const auto& extra : emails) {
    if (!isValidEmail(extra.email)) {
      errors.add("emails", "Enter a valid email address.");
      break;
    }
  }
  errors.throwIfAny();
  uow.beginWrite();
  storage::UserRepository users(uow);
  if (users.findByPrimaryEmail(email)) throw ValidationError("email", "A user with this email already exists.");
  storage::User user;
  user.email = email;
  user.name = std::string(trim(name));
  user.active = true;
  user.emails = mergeEmails(email, emails);
  user.createdAt = clock_.nowMs();
  noteEligibilityChange(uow);
  return users.insert(user);
}

std::optional<storage::User> DirectoryService::findUser(UnitOfWork& uow, int64_t userId) {
  return storage::UserRepository(uow).findById(userId);
}

std::optional<storage::User> DirectoryService::findUserByEmail(UnitOfWork& uow, std::string_view email) {
  storage::UserRepository users(uow);
  if (auto user = users.findByPrimaryEmail(email)) return user;
  return users.findByVerifiedEmail(email);
}

void DirectoryService::setUserActive(UnitOfWork& uow, int64_t userId, bool active) {
  storage::UserRepository users(uow);
  if (!users.findById(userId)) throw NotFoundError();
  users.setActive(userId, active);
  noteEligibilityChange(uow);
}

std::string DirectoryService::issueApiToken(UnitOfWork& uow, int64_t userId) {
  if (!storage::UserRepository(uow).findById(userId)) throw NotFoundError();
  const std::string token = auth::randomHex(kTokenBytes);
  storage::ApiTokenRepository(uow).insert(userId, auth::sha256Hex(token), clock_.nowMs());
  return token;
}

std::optional<int64_t> DirectoryService::userForApiToken(UnitOfWork& uow, std::string_view token) {
  if (token.empty()) return std::nullopt;
  return storage::ApiTokenRepository(uow).activeUserFor(auth::sha256Hex(token));
}

// --- membership --------------------------------------------------------------

void DirectoryService::addMember(UnitOfWork& uow, int64_t organizationId, int64_t userId, storage::Role role) {
  requireOrganization(uow, organizationId);
  if (!storage::UserRepository(uow).findById(userId)) throw ValidationError("userId", "Unknown user.");
  storage::MemberRepository(uow).upsert(organizationId, userId, role, clock_.nowMs());
  noteEligibilityChange(uow);
}

std::optional<storage::Role> DirectoryService::roleOf(UnitOfWork& uow, int64_t organizationId, int64_t userId) {
  return storage::MemberRepository(uow).roleOf(organizationId, userId);
}

// --- lists ---------------------------------------------------------------------

std::vector<storage::OrganizationMembership> DirectoryService::organizationsOf(UnitOfWork& uow,
                                                                               std::optional<int64_t> userId) {
  storage::DirectoryListings listings(uow);
  return userId ? listings.organizationsOf(*userId) : listings.allOrganizations();
}

std::vector<storage::MemberListing> DirectoryService::members(UnitOfWork& uow, int64_t organizationId) {
  return storage::DirectoryListings(uow).members(organizationId);
}

std::vector<storage::Project> DirectoryService::projects(UnitOfWork& uow, int64_t organizationId) {
  return storage::DirectoryListings(uow).projects(organizationId);
}

// --- teams and projects ------------------------------------------------------

storage::Team DirectoryService::createTeam(UnitOfWork& uow, int64_t organizationId, const std::string& slug) {
  requireOrganization(uow, organizationId);
  FieldErrors errors;
  errors.requireSlug("slug", slug);
  errors.throwIfAny();
  uow.beginWrite();
  storage::TeamRepository teams(uow);
  if (teams.findBySlug(organizationId, slug)) throw ValidationError("slug", "A team with this slug already exists.");
  return teams.insert(organizationId, slug, clock_.nowMs());
}

void DirectoryService::addTeamMember(UnitOfWork& uow, int64_t organizationId, const std::string& teamSlug,
                                     int64_t userId) {
  requireOrganization(uow, organizationId);
  storage::TeamRepository teams(uow);
  auto team = teams.findBySlug(organizationId, teamSlug);
  if (!team) throw NotFoundError();
  if (!storage::MemberRepository(uow).roleOf(organizationId, userId)) {
    throw ValidationError("userId", "User is not a member of the organization.");
  }
  teams.addMember(team->id, userId);
  noteEligibilityChange(uow);
}

storage::Project DirectoryService::createProject(UnitOfWork& uow, int64_t organizationId, const std::string& slug,
                                                 const std::vector<std::string>& teamSlugs) {
  requireOrganization(uow, organizationId);
  FieldErrors errors;
  errors.requireSlug("slug", slug);
  uow.beginWrite();
  storage::ProjectRepository projects(uow);
  if (errors.empty() && projects.findBySlug(organizationId, slug)) {
    errors.add("slug", "A project with this slug already exists.");
  }
  std::vector<int64_t> teamIds;
  storage::TeamRepository teams(uow);
  for (const auto& teamSlug : teamSlugs) {
    auto team = teams.findBySlug(organizationId, teamSlug);
    if (team) {
      teamIds.push_back(team->id);
    } else {
      errors.add("teams", "Unknown team: " + teamSlug);
    }
  }
  errors.throwIfAny();
  noteEligibilityChange(uow);
  return projects.insert(organizationId, slug, teamIds, clock_.nowMs());
}

std::optional<storage::Project> DirectoryService::findProject(UnitOfWork& uow, int64_t organizationId,
                                                              std::string_view slug) {
  return storage::ProjectRepository(uow).findBySlug(organizationId, slug);
}

std::optional<storage::Project> DirectoryService::findProject(UnitOfWork& uow, int64_t projectId) {
  return storage::ProjectRepository(uow).findById(projectId);
}

// --- releases ----------------------------------------------------------------

storage::Release DirectoryService::createRelease(UnitOfWork& uow, int64_t organizationId, const std::string& version,
                                                 const std::vector<std::string>& projectSlugs) {
  requireOrganization(uow, organizationId);
  FieldErrors errors;
  errors.requireName("version", version);
  uow.beginWrite();
  storage::ReleaseRepository releases(uow);
  if (errors.empty() && releases.findByVersion(organizationId, version)) {
    errors.add("version", "A release with this version already exists.");
  }
  std::vector<int64_t> projectIds;
  storage::ProjectRepository projects(uow);
  for (const auto& projectSlug : projectSlugs) {
    auto project = projects.findBySlug(organizationId, projectSlug);
    if (project) {
      projectIds.push_back(project->id);
    } else {
      errors.add("projects", "Unknown project: " + projectSlug);
    }
  }
  errors.throwIfAny();
  return releases.insert(organizationId, version, projectIds, clock_.nowMs());
}

std::optional<storage::Release> DirectoryService::latestRelease(UnitOfWork& uow, int64_t projectId) {
  return storage::ReleaseRepository(uow).latestForProject(projectId);
}

// --- user resolution ---------------------------------------------------------

std::vector<storage::User> DirectoryService::usersByVerifiedEmail(UnitOfWork& uow, int64_t organizationId,
                                                                  std::string_view email, int64_t projectId) {
  if (email.empty()) return {};
  const auto read = [&] { return storage::UserRepository(uow).findEligible(organizationId, email, projectId); };
  if (lookups_ == nullptr || uow.cachedRecordsChanged()) return read();
  LookupCache::Key key{LookupCache::Kind::EligibleUsers, organizationId, 0, toLowerAscii(email), "", projectId};
  auto found = lookups_->find<std::vector<storage::User>>(std::move(key), [&] {
    auto users = read();
    return users.empty() ? std::nullopt : std::optional(std::move(users));
  });
  return found ? std::move(*found) : std::vector<storage::User>{};
}

}  // namespace ih::host::domain
