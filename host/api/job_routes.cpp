// Durable jobs of an organization (owners), so dead letters are visible and
// can be acted on:
// GET /api/0/organizations/{org}/jobs/?state=pending|running|done|dead
// POST .../jobs/{id}/retry/ -> 202: a dead job runs again, keeping its place
//   before the later jobs of its ticket (it keeps its id);
// DELETE .../jobs/{id}/ -> 204: a dead job is discarded (kept as done, with
//   who discarded it). Both are audited. A job that is not dead, or not the
//   organization's, is 404: another organization learns nothing about it.
#include "api/api_router.h"
#include "api/audit_trail.h"
#include "api/json_input.h"
#include "api/json_response.h"
#include "api/route_groups.h"
#include "api/serializers.h"
#include "common/errors.h"
#include "jobs/job_queue.h"

namespace ih::host::api {

namespace {

std::optional<storage::JobState> parseState(const std::optional<std::string>& text) {
  if (!text || text->empty()) return std::nullopt;
  for (auto state : {storage::JobState::Pending, storage::JobState::Running, storage::JobState::Done,
                     storage::JobState::Dead}) {
    if (*text == jobStateName(state)) return state;
  }
  throw ValidationError("state", "Expected pending, running, done or dead.");
}

http::Response listJobs(ApiCall& call) {
  jobs::JobFilter filter;
  filter.organizationId = call.org().id;
  filter.state = parseState(call.request.queryParam("state"));
  return jsonListResponse(200, call.services.jobs.list(filter), writeJob);
}

domain::AuditEvent jobEvent(const char* event, int64_t jobId) {
  return domain::AuditEvent{event, "job", std::to_string(jobId), "{}"};
}

http::Response retryJob(ApiCall& call) {
  const int64_t jobId = pathId(call.request, "id");
  switch (call.services.jobs.retryDead(call.uow, jobId, call.org().id)) {
    case storage::ReviveResult::Revived:
      break;
    case storage::ReviveResult::NotDead:
      throw NotFoundError("no dead job " + std::to_string(jobId));
    case storage::ReviveResult::Superseded:
      throw ConflictError("job " + std::to_string(jobId) +
                          " would put back an older change: a later change of the same kind to its ticket has been "
                          "sent since. Discard it instead.");
  }
  recordAudit(call, jobEvent("job.retried", jobId));
  return jsonResponse(202, [&](JsonBuilder& b) { b.beginObject().field("id", idString(jobId)).endObject(); });
}

http::Response discardJob(ApiCall& call) {
  const int64_t jobId = pathId(call.request, "id");
  const std::string who =
      call.principal.superuser ? "the superuser" : "user " + std::to_string(call.principal.userIdOrZero());
  if (!call.services.jobs.discardDead(call.uow, jobId, call.org().id, "discarded by " + who)) {
    throw NotFoundError("no dead job " + std::to_string(jobId));
  }
  recordAudit(call, jobEvent("job.discarded", jobId));
  return http::Response::noContent();
}

}  // namespace

void registerJobRoutes(ApiRouter& api) {
  api.add("GET", "/api/0/organizations/{org}/jobs/", Access::OrgOwner, listJobs);
  api.add("POST", "/api/0/organizations/{org}/jobs/{id}/retry/", Access::OrgOwner, retryJob);
  api.add("DELETE", "/api/0/organizations/{org}/jobs/{id}/", Access::OrgOwner, discardJob);
}

}  // namespace ih::host::api
