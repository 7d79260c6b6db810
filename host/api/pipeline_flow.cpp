#include "api/pipeline_flow.h"

#include <Poco/Logger.h>

#include "api/json_response.h"
#include "api/serializers.h"
#include "common/errors.h"
#include "domain/audit_log.h"
#include "domain/directory_service.h"
#include "domain/integration_service.h"
#include "domain/pipeline_service.h"
#include "ihp/sdk/json.hpp"

namespace ih::host::api {

namespace json = ihp::sdk::json;

namespace {

std::string objectText(const json::Value& object, std::string_view key) {
  const json::Value* v = json::member(object, key);
  return (v != nullptr && v->IsObject()) ? json::stringify(*v) : std::string("{}");
}

StepOutcome failed(int status, std::string detail) {
  StepOutcome out;
  out.kind = StepOutcome::Kind::Failed;
  out.httpStatus = status;
  out.detail = std::move(detail);
  out.dataJson = pipelineErrorBody(out.detail);
  return out;
}

// A failed step answers the plugin's body, with a bare {"detail"} put in the
// pipeline's error shape; field errors ({"url":[...]}) pass through as they are.
StepOutcome invalid(const std::string& body) {
  StepOutcome out;
  out.kind = StepOutcome::Kind::Invalid;
  out.httpStatus = 400;
  json::Document doc;
  if (!json::parseObject(body, doc)) {
    out.detail = "The installation step failed.";
    out.dataJson = pipelineErrorBody(out.detail);
    return out;
  }
  if (const json::Value* data = json::member(doc, "data"); data != nullptr && json::string(doc, "status")) {
    out.detail = json::stringOr(*data, "detail", "The installation step failed.");
    out.dataJson = body;
  } else if (auto detail = json::string(doc, "detail")) {
    out.detail = *detail;
    out.dataJson = pipelineErrorBody(out.detail);
  } else {
    // Field errors: "field: message" lines for the HTML page.
    for (const auto& m : doc.GetObject()) {
      std::string line = std::string(m.name.GetString()) + ":";
      if (m.value.IsArray()) {
        for (const auto& message : m.value.GetArray()) {
          if (message.IsString()) line += std::string(" ") + message.GetString();
        }
      }
      out.detail += (out.detail.empty() ? "" : "\n") + line;
    }
    out.dataJson = body;
  }
  return out;
}

StepOutcome advance(ApiServices& services, storage::UnitOfWork& uow, const plugins::LoadedPlugin& plugin,
                    storage::Pipeline& pipeline, const plugins::HookReply& reply) {
  if (reply.pipelineState) pipeline.stateJson = *reply.pipelineState;
  if (reply.pipelineRef) pipeline.ref = *reply.pipelineRef;
  pipeline.stepIndex += 1;
  services.pipelines.save(uow, pipeline);
  StepOutcome out;
  out.kind = StepOutcome::Kind::Advance;
  out.httpStatus = 200;
  out.stepIndex = pipeline.stepIndex;
  const auto& steps = plugin.info().pipelineSteps;
  if (pipeline.stepIndex < steps.size()) out.step = steps[pipeline.stepIndex];
  json::Document data;
  out.dataJson = json::parseObject(reply.body, data) ? reply.body : "{}";
  return out;
}

StepOutcome complete(ApiServices& services, storage::UnitOfWork& uow, const storage::Pipeline& pipeline,
                     const plugins::HookReply& reply) {
  json::Document body;
  std::optional<std::string> externalId;
  if (json::parseObject(reply.body, body)) externalId = json::string(body, "externalId");
  if (!externalId || externalId->empty()) return failed(502, "The plugin returned an incomplete integration.");
  domain::InstallSpec spec;
  spec.provider = pipeline.provider;
  spec.externalId = *externalId;
  spec.name = json::stringOr(body, "name", *externalId);
  spec.metadataJson = objectText(body, "metadata");
  spec.credentialsJson = objectText(body, "credentials");
  domain::OrgIntegrationView view;
  try {
    view = services.integrations.install(uow, pipeline.organizationId, pipeline.userId, spec);
  } catch (const ConflictError& e) {
    return invalid(pipelineErrorBody(e.what()));
  } catch (const BadRequestError& e) {
    return invalid(pipelineErrorBody(e.what()));
  }
  services.pipelines.finish(uow, pipeline.id);
  json::JsonBuilder data;
  data.beginObject().field("provider", spec.provider).field("name", view.integration.name).endObject();
  domain::AuditLog(services.directory)
      .record(uow, pipeline.organizationId, domain::AuditActor{!pipeline.userId, pipeline.userId},
              {"integration.installed", "integration", std::to_string(view.integration.id), data.str()});
  StepOutcome out;
  out.kind = StepOutcome::Kind::Complete;
  out.httpStatus = 200;
  out.integrationId = view.integration.id;
  return out;
}

}  // namespace

std::string pipelineErrorBody(std::string_view detail) {
  json::JsonBuilder b;
  b.beginObject().field("status", "error").key("data").beginObject().field("detail", detail).endObject().endObject();
  return b.str();
}

StepOutcome runPipelineStep(ApiServices& services, storage::UnitOfWork& uow, plugins::LoadedPlugin& plugin,
                            storage::Pipeline& pipeline, const std::string& inputJson) {
  plugins::CallScope scope{uow, pipeline.organizationId, pipeline.userId.value_or(0)};
  plugins::HookReply reply = plugin.pipelineStep(scope, plugins::PipelineStepCall{pipeline.stepIndex, pipeline.stateJson, inputJson});
  if (reply.httpStatus == 400) return invalid(reply.body);
  if (reply.status == IHP_OK && reply.httpStatus == 200) return advance(services, uow, plugin, pipeline, reply);
  if (reply.status == IHP_OK && reply.httpStatus == 201) return complete(services, uow, pipeline, reply);
  Poco::Logger::get("ih.api.pipeline")
      .warning("plugin %s failed pipeline step %u: status %d, http %d", plugin.info().key,
               static_cast<unsigned>(pipeline.stepIndex), static_cast<int>(reply.status),
               static_cast<int>(reply.httpStatus));
  if (reply.status == IHP_E_INTERNAL) return failed(500, "Internal error");
  return failed(502, reply.error.value_or("The plugin could not complete this step."));
}

http::Response stepResponse(const StepOutcome& outcome) {
  switch (outcome.kind) {
    case StepOutcome::Kind::Advance:
      return jsonResponse(200, [&](JsonBuilder& b) {
        b.beginObject()
            .field("status", "advance")
            .field("step", outcome.step)
            .field("stepIndex", static_cast<int64_t>(outcome.stepIndex))
            .rawField("data", outcome.dataJson)
            .endObject();
      });
    case StepOutcome::Kind::Complete:
      return jsonResponse(200, [&](JsonBuilder& b) {
        b.beginObject()
            .field("status", "complete")
            .key("data")
            .beginObject()
            .field("integrationId", idString(outcome.integrationId))
            .endObject()
            .endObject();
      });
    case StepOutcome::Kind::Invalid:
    case StepOutcome::Kind::Failed:
      break;
  }
  return http::Response::json(outcome.httpStatus, outcome.dataJson);
}

}  // namespace ih::host::api
