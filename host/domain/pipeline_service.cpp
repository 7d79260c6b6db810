// host/domain/pipeline_service.cpp - see pipeline_service.h.
#include "domain/pipeline_service.h"

#include "auth/crypto.h"
#include "common/errors.h"
#include "storage/pipeline_repository.h"

namespace ih::host::domain {

using storage::UnitOfWork;

namespace {

constexpr int64_t kLifetimeMs = 60 * 60 * 1000;
constexpr size_t kPublicIdBytes = 16;  // 128 bits: unguessable

}  // namespace

PipelineService::PipelineService(const Clock& clock, const auth::SecretBox& secrets)
    : clock_(clock), secrets_(secrets) {}

storage::Pipeline PipelineService::start(UnitOfWork& uow, int64_t organizationId, std::optional<int64_t> userId,
                                         const std::string& provider) {
  const int64_t now = clock_.nowMs();
  storage::PipelineRepository pipelines(uow);
  pipelines.removeExpired(now);  // housekeeping: abandoned installs go away
  storage::Pipeline pipeline;
  pipeline.publicId = auth::randomHex(kPublicIdBytes);
  pipeline.organizationId = organizationId;
  pipeline.userId = userId;
  pipeline.provider = provider;
  pipeline.stepIndex = 0;
  pipeline.stateJson = secrets_.seal("{}");
  pipeline.createdAt = now;
  pipeline.expiresAt = now + kLifetimeMs;
  pipeline = pipelines.insert(pipeline);
  pipeline.stateJson = "{}";
  return pipeline;
}

namespace {
std::optional<storage::Pipeline> opened(std::optional<storage::Pipeline> pipeline, const auth::SecretBox& secrets) {
  if (pipeline) pipeline->stateJson = secrets.open(pipeline->stateJson);
  return pipeline;
}
}  // namespace

std::optional<storage::Pipeline> PipelineService::find(UnitOfWork& uow, int64_t organizationId,
                                                       std::string_view publicId) {
  return opened(storage::PipelineRepository(uow).findByPublicId(organizationId, publicId, clock_.nowMs()), secrets_);
}

std::optional<storage::Pipeline> PipelineService::findByRef(UnitOfWork& uow, std::string_view provider,
                                                            std::string_view ref) {
  if (ref.empty()) return std::nullopt;
  return opened(storage::PipelineRepository(uow).findByRef(provider, ref, clock_.nowMs()), secrets_);
}

void PipelineService::save(UnitOfWork& uow, const storage::Pipeline& pipeline) {
  storage::PipelineRepository(uow).update(pipeline.id, pipeline.stepIndex, secrets_.seal(pipeline.stateJson),
                                          pipeline.ref);
}

void PipelineService::finish(UnitOfWork& uow, int64_t pipelineId) {
  storage::PipelineRepository(uow).remove(pipelineId);
}

}  // namespace ih::host::domain
