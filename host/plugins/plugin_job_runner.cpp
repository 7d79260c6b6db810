// host/plugins/plugin_job_runner.cpp - see plugin_job_runner.h.
#include "plugins/plugin_job_runner.h"

#include "common/errors.h"
#include "domain/outbound_events.h"
#include "ihp/sdk/json.hpp"
#include "plugins/host_services.h"
#include "plugins/loaded_plugin.h"
#include "plugins/plugin_job_outcome.h"
#include "storage/database.h"

namespace ih::host::plugins {

namespace {

constexpr std::string_view kEventKind = "ihp.event";

struct EventPayload {
  int32_t type = 0;
  std::string eventJson;
};

std::optional<EventPayload> parseEvent(const std::string& payload) {
  namespace json = ihp::sdk::json;
  json::Document doc;
  if (!json::parseObject(payload, doc)) return std::nullopt;
  auto type = json::int64(doc, "type");
  const json::Value* event = json::member(doc, "event");
  if (!type || event == nullptr || !event->IsObject()) return std::nullopt;
  return EventPayload{static_cast<int32_t>(*type), json::stringify(*event)};
}

}  // namespace

jobs::JobOutcome PluginJobRunner::run(const storage::Job& job, jobs::JobCompletion& completion) {
  try {
    auto uow = services_.database.begin();
    CallScope scope{*uow, job.organizationId.value_or(0), 0, job.id};
    HookReply reply;
    if (job.kind == kEventKind) {
      auto event = parseEvent(job.payloadJson);
      if (!event) return jobs::JobOutcome::dead("malformed ihp.event payload");
      const std::string eventJson = domain::eventJsonForRun(*uow, event->type, std::move(event->eventJson));
      reply = plugin_.handleEvent(scope, event->type, eventJson, attemptOf(job));
    } else {
      reply = plugin_.runJob(scope, job.id, job.kind, job.payloadJson, attemptOf(job));
    }
    jobs::JobOutcome outcome = jobOutcomeFor(reply);
    if (outcome.kind != jobs::JobOutcome::Kind::Done) {
      uow->rollback();
      return outcome;
    }
    if (!completion.markDoneIn(*uow)) {
      uow->rollback();
      return jobs::JobOutcome::lostLease();
    }
    uow->commit();
    return jobs::JobOutcome::doneAndRecorded();
  } catch (const ServiceUnavailableError& e) {
    return jobs::JobOutcome::retry(e.what());  // the hook passed its deadline; rolled back
  } catch (const std::exception&) {
    // Storage trouble (e.g. the commit failed): the job's effects are gone, so try again.
    return jobs::JobOutcome::retry("the job's unit of work failed");
  }
}

}  // namespace ih::host::plugins
