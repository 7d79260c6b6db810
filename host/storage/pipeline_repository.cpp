// host/storage/pipeline_repository.cpp - see pipeline_repository.h.
#include "storage/pipeline_repository.h"

#include "storage/query.h"
#include "storage/unit_of_work.h"

namespace ih::host::storage {

namespace {

constexpr const char* kPipelineSelect =
    "SELECT id, public_id, organization_id, user_id, provider, step_index, state, ref, created_at, expires_at"
    " FROM pipelines";

std::optional<Pipeline> pipelineFrom(std::optional<Row> row) {
  if (!row) return std::nullopt;
  Pipeline pipeline;
  pipeline.id = row->int64(0);
  pipeline.publicId = row->text(1);
  pipeline.organizationId = row->int64(2);
  pipeline.userId = row->optInt64(3);
  pipeline.provider = row->text(4);
  pipeline.stepIndex = static_cast<uint32_t>(row->int64(5));
  pipeline.stateJson = row->text(6);
  pipeline.ref = row->optText(7);
  pipeline.createdAt = row->int64(8);
  pipeline.expiresAt = row->int64(9);
  return pipeline;
}

}  // namespace

Pipeline PipelineRepository::insert(const Pipeline& pipeline) {
  uow_.beginWrite();
  Pipeline stored = pipeline;
  stored.id = Query(uow_,
                    "INSERT INTO pipelines (public_id, organization_id, user_id, provider, step_index, state, ref,"
                    " created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id")
                  .bind(pipeline.publicId)
                  .bind(pipeline.organizationId)
                  .bind(pipeline.userId)
                  .bind(pipeline.provider)
                  .bind(pipeline.stepIndex)
                  .bind(pipeline.stateJson)
                  .bind(pipeline.ref)
                  .bind(pipeline.createdAt)
                  .bind(pipeline.expiresAt)
                  .scalarInt64();
  return stored;
}

std::optional<Pipeline> PipelineRepository::findByPublicId(int64_t organizationId, std::string_view publicId,
                                                           int64_t now) {
  return pipelineFrom(
      Query(uow_, std::string(kPipelineSelect) + " WHERE public_id = ? AND organization_id = ? AND expires_at > ?")
          .bind(publicId)
          .bind(organizationId)
          .bind(now)
          .one());
}

std::optional<Pipeline> PipelineRepository::findByRef(std::string_view provider, std::string_view ref, int64_t now) {
  return pipelineFrom(Query(uow_, std::string(kPipelineSelect) +
                                      " WHERE provider = ? AND ref = ? AND expires_at > ? ORDER BY id DESC LIMIT 1")
                          .bind(provider)
                          .bind(ref)
                          .bind(now)
                          .one());
}

void PipelineRepository::update(int64_t id, uint32_t stepIndex, const std::string& sealedState,
                                const std::optional<std::string>& ref) {
  uow_.beginWrite();
  Query(uow_, "UPDATE pipelines SET step_index = ?, state = ?, ref = ? WHERE id = ?")
      .bind(stepIndex)
      .bind(sealedState)
      .bind(ref)
      .bind(id)
      .execute();
}

void PipelineRepository::remove(int64_t id) {
  uow_.beginWrite();
  Query(uow_, "DELETE FROM pipelines WHERE id = ?").bind(id).execute();
}

size_t PipelineRepository::removeExpired(int64_t now) {
  uow_.beginWrite();
  return Query(uow_, "DELETE FROM pipelines WHERE expires_at <= ?").bind(now).execute();
}

}  // namespace ih::host::storage
