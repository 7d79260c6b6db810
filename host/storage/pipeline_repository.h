// host/storage/pipeline_repository.h - installation pipelines in progress.
// State is stored as given (the service seals it); lookups skip expired rows.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "storage/records.h"

namespace ih::host::storage {

class UnitOfWork;

class PipelineRepository {
 public:
  explicit PipelineRepository(UnitOfWork& uow) : uow_(uow) {}
  Pipeline insert(const Pipeline& pipeline);  // id filled in
  std::optional<Pipeline> findByPublicId(int64_t organizationId, std::string_view publicId, int64_t now);
  std::optional<Pipeline> findByRef(std::string_view provider, std::string_view ref, int64_t now);
  void update(int64_t id, uint32_t stepIndex, const std::string& sealedState, const std::optional<std::string>& ref);
  void remove(int64_t id);
  size_t removeExpired(int64_t now);

 private:
  UnitOfWork& uow_;
};

}  // namespace ih::host::storage
