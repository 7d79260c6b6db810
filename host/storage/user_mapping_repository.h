// host/storage/user_mapping_repository.h - an organization's mappings from a
// remote user (login name, stable key, display name) of one integration to a
// member, used when the remote side hides emails.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ih::host::storage {

class UnitOfWork;

struct UserMappingRow {
  std::string remoteName;
  std::optional<std::string> remoteKey;
  std::optional<std::string> remoteDisplayName;
  int64_t userId = 0;
};

class UserMappingRepository {
 public:
  explicit UserMappingRepository(UnitOfWork& uow) : uow_(uow) {}
  // Replaces the whole list of (org, integration).
  void replaceAll(int64_t organizationId, int64_t integrationId, const std::vector<UserMappingRow>& mappings,
                  int64_t now);
  std::vector<UserMappingRow> list(int64_t organizationId, int64_t integrationId);
  // The mapping whose remote name or key is `nameOrKey`.
  std::optional<UserMappingRow> findRemote(int64_t organizationId, int64_t integrationId, std::string_view nameOrKey);
  std::optional<UserMappingRow> findForUser(int64_t organizationId, int64_t integrationId, int64_t userId);

 private:
  UnitOfWork& uow_;
};

}  // namespace ih::host::storage
