// Durable jobs of an organization (owners), so dead letters are visible:
// GET /api/0/organizations/{org}/jobs/?state=pending|running|done|dead
// (an extension of the contract).
#include "api/api_router.h"
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

}  // namespace

void registerJobRoutes(ApiRouter& api) {
  api.add("GET", "/api/0/organizations/{org}/jobs/", Access::OrgOwner, listJobs);
}

}  // namespace ih::host::api
