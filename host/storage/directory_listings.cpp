// host/storage/directory_listings.cpp - see directory_listings.h.
#include "storage/directory_listings.h"

#include "storage/query.h"
#include "storage/unit_of_work.h"

namespace ih::host::storage {

namespace {

std::vector<OrganizationMembership> memberships(Query& query) {
  std::vector<OrganizationMembership> out;
  for (const auto& row : query.rows()) {
    out.push_back({Organization{row.int64(0), row.text(1), row.text(2), row.int64(3)},
                   row.isNull(4) ? std::nullopt : roleFromString(row.text(4))});
  }
  return out;
}

const std::string kLimit = " LIMIT " + std::to_string(DirectoryListings::kMaxRows);

}  // namespace

std::vector<OrganizationMembership> DirectoryListings::organizationsOf(int64_t userId) {
  Query query(uow_,
              "SELECT o.id, o.slug, o.name, o.created_at, m.role FROM organizations o"
              " JOIN members m ON m.organization_id = o.id AND m.user_id = ?"
              " ORDER BY o.name, o.slug" +
                  kLimit);
  query.bind(userId);
  return memberships(query);
}

std::vector<OrganizationMembership> DirectoryListings::allOrganizations() {
  Query query(uow_,
              "SELECT o.id, o.slug, o.name, o.created_at, NULL FROM organizations o ORDER BY o.name, o.slug" + kLimit);
  return memberships(query);
}

std::vector<MemberListing> DirectoryListings::members(int64_t organizationId) {
  Query query(uow_,
              "SELECT u.id, u.email, u.name, m.role FROM members m JOIN users u ON u.id = m.user_id"
              " WHERE m.organization_id = ? AND u.active = 1"
              " ORDER BY CASE WHEN m.role = 'owner' THEN 0 ELSE 1 END, u.name, u.email" +
                  kLimit);
  query.bind(organizationId);
  std::vector<MemberListing> out;
  for (const auto& row : query.rows()) {
    out.push_back(
        MemberListing{row.int64(0), row.text(1), row.text(2), roleFromString(row.text(3)).value_or(Role::Member)});
  }
  return out;
}

std::vector<Project> DirectoryListings::projects(int64_t organizationId) {
  Query query(uow_, "SELECT id, organization_id, slug FROM projects WHERE organization_id = ? ORDER BY slug" + kLimit);
  query.bind(organizationId);
  std::vector<Project> out;
  for (const auto& row : query.rows()) out.push_back(Project{row.int64(0), row.int64(1), row.text(2), {}});
  return out;
}

}  // namespace ih::host::storage
