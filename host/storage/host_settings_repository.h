// host/storage/host_settings_repository.h - settings every host sharing the
// database must agree on (the secret key's check value), first writer wins.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace ih::host::storage {

class UnitOfWork;

class HostSettingsRepository {
 public:
  explicit HostSettingsRepository(UnitOfWork& uow) : uow_(uow) {}
  // Stores `value` under `name` unless a value is there already; returns the
  // stored one (ours, or the one another host recorded first).
  std::string putIfAbsent(std::string_view name, std::string_view value, int64_t now);

 private:
  UnitOfWork& uow_;
};

}  // namespace ih::host::storage
