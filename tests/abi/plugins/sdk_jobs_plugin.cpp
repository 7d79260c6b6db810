// tests/abi/plugins/sdk_jobs_plugin.cpp - an SDK plugin whose job hooks answer
// as their input says, for the job-runner tests:
//   run_job kind "ok" -> IHP_OK; "retry" -> IHP_E_RETRY after 1500 ms;
//   "enqueue" -> enqueues an "ok" job (a write in the job's unit of work), IHP_OK;
//   anything else -> IHP_E_PERMANENT with reply_error "no such job: <kind>"
//   handle_event -> IHP_OK, counting ihp_sdk_jobs_events{type}
//   uninstall -> IHP_E_RETRY while the integration's metadata says "busy"
#include <string>

#include "ihp/sdk/json.hpp"
#include "ihp/sdk/plugin.hpp"

namespace {

namespace json = ihp::sdk::json;

class SdkJobs : public ihp::sdk::Plugin {
 public:
  explicit SdkJobs(const ihp::sdk::Host&) {}

  ihp_status runJob(ihp::sdk::Host& host, const ihp_job& job, ihp::sdk::Reply& reply) override {
    std::string kind(ihp::sdk::view(job.kind));
    if (kind == "ok") return IHP_OK;
    if (kind == "enqueue") {
      ihp::sdk::Host::JobSpec follow;
      follow.kind = "ok";
      follow.payloadJson = "{}";
      return host.enqueue(follow);
    }
    if (kind == "retry") {
      reply.retryAfterMs(1500).error("remote busy");
      return IHP_E_RETRY;
    }
    reply.error("no such job: " + kind);
    return IHP_E_PERMANENT;
  }

  ihp_status handleEvent(ihp::sdk::Host& host, const ihp_event& event, ihp::sdk::Reply&) override {
    json::Document doc;
    if (!json::parseObject(ihp::sdk::view(event.event_json), doc)) return IHP_E_INVALID;
    host.count("events", "type", std::to_string(event.type));
    return IHP_OK;
  }

  ihp_status uninstall(ihp::sdk::Host&, const ihp_uninstall_call& call, ihp::sdk::Reply& reply) override {
    json::Document integration;
    if (!json::parseObject(ihp::sdk::view(call.integration_json), integration)) return IHP_E_INVALID;
    const json::Value* metadata = json::member(integration, "metadata");
    if (metadata != nullptr && json::truthy(*metadata, "busy")) {
      reply.error("webhook removal failed");
      return IHP_E_RETRY;
    }
    return IHP_OK;
  }
};

const ihp::sdk::Descriptor& descriptor() {
  static const ihp::sdk::Descriptor d{IHP_STR_LIT("sdk_jobs"), IHP_STR_LIT("SDK jobs"), IHP_STR_LIT("1.0.0")};
  return d;
}

}  // namespace

IHP_DEFINE_PLUGIN(SdkJobs, descriptor)
