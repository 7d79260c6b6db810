// host/storage/directory_listings.h - the read-only lists the web app shows:
// the organizations a user belongs to (with the role), an organization's
// members and projects. Each list is bounded and ordered for display; every
// query takes the organization or user it is scoped to, so no list can
// reach into another organization.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "storage/records.h"

namespace ih::host::storage {

class UnitOfWork;

struct OrganizationMembership {
  Organization organization;
  std::optional<Role> role;  // none: the superuser's view of an org it is not a member of
};

struct MemberListing {
  int64_t userId = 0;
  std::string email;
  std::string name;
  Role role = Role::Member;
};

class DirectoryListings {
 public:
  static constexpr size_t kMaxRows = 500;

  explicit DirectoryListings(UnitOfWork& uow) : uow_(uow) {}
  // By name, then slug.
  std::vector<OrganizationMembership> organizationsOf(int64_t userId);
  std::vector<OrganizationMembership> allOrganizations();
  // Active members, owners first, then by name and email.
  std::vector<MemberListing> members(int64_t organizationId);
  // By slug.
  std::vector<Project> projects(int64_t organizationId);

 private:
  UnitOfWork& uow_;
};

}  // namespace ih::host::storage
