// host/storage/user_mapping_repository.cpp - see user_mapping_repository.h.
#include "storage/user_mapping_repository.h"

#include "storage/query.h"
#include "storage/unit_of_work.h"

namespace ih::host::storage {

namespace {

constexpr const char* kSelect =
    "SELECT remote_name, remote_key, remote_display_name, user_id FROM user_mappings"
    " WHERE organization_id = ? AND integration_id = ?";

UserMappingRow userMappingFromRow(const Row& row) {
  return UserMappingRow{row.text(0), row.optText(1), row.optText(2), row.int64(3)};
}

}  // namespace

void UserMappingRepository::replaceAll(int64_t organizationId, int64_t integrationId,
                                       const std::vector<UserMappingRow>& mappings, int64_t now) {
  uow_.beginWrite();
  Query(uow_, "DELETE FROM user_mappings WHERE organization_id = ? AND integration_id = ?")
      .bind(organizationId)
      .bind(integrationId)
      .execute();
  for (const auto& mapping : mappings) {
    Query(uow_,
          "INSERT INTO user_mappings (organization_id, integration_id, remote_name, remote_key, remote_display_name,"
          " user_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
        .bind(organizationId)
        .bind(integrationId)
        .bind(mapping.remoteName)
        .bind(mapping.remoteKey)
        .bind(mapping.remoteDisplayName)
        .bind(mapping.userId)
        .bind(now)
        .execute();
  }
}

std::vector<UserMappingRow> UserMappingRepository::list(int64_t organizationId, int64_t integrationId) {
  std::vector<UserMappingRow> mappings;
  for (const auto& row :
       Query(uow_, std::string(kSelect) + " ORDER BY remote_name").bind(organizationId).bind(integrationId).rows()) {
    mappings.push_back(userMappingFromRow(row));
  }
  return mappings;
}

std::optional<UserMappingRow> UserMappingRepository::findRemote(int64_t organizationId, int64_t integrationId,
                                                                std::string_view nameOrKey) {
  auto row = Query(uow_, std::string(kSelect) + " AND (remote_name = ? OR remote_key = ?) ORDER BY id LIMIT 1")
                 .bind(organizationId)
                 .bind(integrationId)
                 .bind(nameOrKey)
                 .bind(nameOrKey)
                 .one();
  if (!row) return std::nullopt;
  return userMappingFromRow(*row);
}

std::optional<UserMappingRow> UserMappingRepository::findForUser(int64_t organizationId, int64_t integrationId,
                                                                 int64_t userId) {
  auto row = Query(uow_, std::string(kSelect) + " AND user_id = ? ORDER BY id LIMIT 1")
                 .bind(organizationId)
                 .bind(integrationId)
                 .bind(userId)
                 .one();
  if (!row) return std::nullopt;
  return userMappingFromRow(*row);
}

}  // namespace ih::host::storage
