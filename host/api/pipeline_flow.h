// host/api/pipeline_flow.h - one step of an installation pipeline, shared by
// the API step (POST .../pipeline/integration/{id}/) and the browser callback
// (GET /extensions/<key>/setup/).
//
// Calls the plugin's pipeline_step with the stored state and the input, then
// by the reply's status: 200 = advance (state, step index and ref saved),
// 201 = complete (IntegrationService::install from the reply body, pipeline
// finished), 400 = the step failed (nothing saved), anything else = the
// plugin failed. Changes go into the caller's unit of work, which the caller
// commits only for Advance and Complete.
#pragma once

#include <cstdint>
#include <string>

#include "api/api_services.h"
#include "http/response.h"
#include "plugins/loaded_plugin.h"
#include "storage/records.h"
#include "storage/unit_of_work.h"

namespace ih::host::api {

struct StepOutcome {
  enum class Kind { Advance, Complete, Invalid, Failed };
  Kind kind = Kind::Failed;
  int httpStatus = 500;
  std::string dataJson = "{}";  // Advance: the step's data; Invalid: the error body as answered
  std::string step;             // Advance: the next step's name
  uint32_t stepIndex = 0;       // Advance: the next step's index
  int64_t integrationId = 0;    // Complete
  std::string detail;           // Invalid/Failed: a human-readable reason (HTML pages)
};

StepOutcome runPipelineStep(ApiServices& services, storage::UnitOfWork& uow, plugins::LoadedPlugin& plugin,
                            storage::Pipeline& pipeline, const std::string& inputJson);

// The API's JSON answer for an outcome:
//   advance  200 {"status":"advance","step","stepIndex","data"}
//   complete 200 {"status":"complete","data":{"integrationId"}}
//   invalid  400 as the plugin answered, {"detail"} wrapped as {"status":"error","data":{"detail"}}
//   failed   500/502 {"status":"error","data":{"detail"}}
http::Response stepResponse(const StepOutcome& outcome);

// {"status":"error","data":{"detail": detail}}
std::string pipelineErrorBody(std::string_view detail);

}  // namespace ih::host::api
