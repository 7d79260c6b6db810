// host/domain/pipeline_service.h - installation pipelines in progress.
//
// A pipeline belongs to one organization and provider, has an unguessable
// public id, keeps the plugin's state between steps (sealed: it may hold a
// private key) and expires after an hour. A browser callback finds its
// pipeline by the ref the plugin registered (e.g. an OAuth request token).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "auth/secret_box.h"
#include "common/clock.h"
#include "storage/records.h"
#include "storage/unit_of_work.h"

namespace ih::host::domain {

class PipelineService {
 public:
  PipelineService(const Clock& clock, const auth::SecretBox& secrets);

  storage::Pipeline start(storage::UnitOfWork& uow, int64_t organizationId, std::optional<int64_t> userId,
                          const std::string& provider);
  // Unexpired pipeline of that organization, state decrypted.
  std::optional<storage::Pipeline> find(storage::UnitOfWork& uow, int64_t organizationId, std::string_view publicId);
  std::optional<storage::Pipeline> findByRef(storage::UnitOfWork& uow, std::string_view provider, std::string_view ref);
  // Persists stepIndex, state (sealed) and ref.
  void save(storage::UnitOfWork& uow, const storage::Pipeline& pipeline);
  void finish(storage::UnitOfWork& uow, int64_t pipelineId);

 private:
  const Clock& clock_;
  const auth::SecretBox& secrets_;
};

}  // namespace ih::host::domain
