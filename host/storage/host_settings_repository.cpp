// host/storage/host_settings_repository.cpp - see host_settings_repository.h.
#include "storage/host_settings_repository.h"

#include "storage/query.h"
#include "storage/unit_of_work.h"

namespace ih::host::storage {

std::string HostSettingsRepository::putIfAbsent(std::string_view name, std::string_view value, int64_t now) {
  uow_.beginWrite();
  Query(uow_, "INSERT INTO host_settings (name, value, created_at) VALUES (?, ?, ?) ON CONFLICT (name) DO NOTHING")
      .bind(name)
      .bind(value)
      .bind(now)
      .execute();
  return Query(uow_, "SELECT value FROM host_settings WHERE name = ?").bind(name).one()->text(0);
}

}  // namespace ih::host::storage
