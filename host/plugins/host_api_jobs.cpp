// host/plugins/host_api_jobs.cpp - ihp_host_api.job_enqueue: a durable job
// for this plugin's run_job hook, committed with the calling hook's unit of
// work (a rolled-back hook enqueues nothing).
#include "ihp/sdk/json.hpp"
#include "jobs/job_queue.h"
#include "plugins/host_api_guard.h"
#include "plugins/host_api_isolation.h"
#include "plugins/host_api_services.h"
#include "plugins/host_services.h"

namespace ih::host::plugins::api {

namespace {

// Kinds the host itself routes (e.g. "ihp.event" goes to handle_event).
constexpr std::string_view kReservedKindPrefix = "ihp.";

ihp_status jobEnqueue(ihp_host_ctx* ctx, const ihp_job_spec* rawSpec) {
  return guarded(ctx, "job_enqueue", [&] {
    ihp_host_ctx& c = context(ctx);
    const auto spec = structArgument(rawSpec, "job", IHP_JOB_SPEC_SIZE_V1_0);
    jobs::JobRequest request;
    request.pluginKey = c.plugin->key;
    request.kind = std::string(requiredText(spec.kind, "job.kind"));
    if (request.kind.rfind(kReservedKindPrefix, 0) == 0) throw AbiViolation("job kinds starting with 'ihp.' are reserved");
    request.payloadJson = std::string(text(spec.payload_json, "job.payload_json"));
    if (request.payloadJson.empty()) request.payloadJson = "{}";
    ihp::sdk::json::Document doc;
    if (!ihp::sdk::json::parse(request.payloadJson, doc)) throw AbiViolation("job.payload_json is not JSON");
    if (auto key = optionalText(spec.ordering_key, "job.ordering_key")) request.orderingKey = std::string(*key);
    if (spec.delay_ms < 0) throw AbiViolation("job.delay_ms is negative");
    request.delayMs = spec.delay_ms;
    if (spec.organization_id != 0 && spec.integration_id != 0) {
      requireOrganizationLink(c, spec.organization_id, spec.integration_id);
    } else if (spec.organization_id != 0) {
      requireOrganization(c, spec.organization_id);
    } else if (spec.integration_id != 0) {
      ownIntegration(c, spec.integration_id);
    }
    if (spec.organization_id != 0) request.organizationId = spec.organization_id;
    if (spec.integration_id != 0) request.integrationId = spec.integration_id;
    c.services->jobs.enqueue(unitOfWork(c), request);
    return IHP_OK;
  });
}

}  // namespace

void installJobServices(ihp_host_api& table) { table.job_enqueue = &jobEnqueue; }

}  // namespace ih::host::plugins::api
