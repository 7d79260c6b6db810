// tests/unit/plugins/test_plugins/hostile_plugin.cpp - an SDK plugin
// ("hostile", IHP_PLUGIN_THREAD_SAFE) that misbehaves on purpose, for the
// tests of plugin-call deadlines and reply validation:
//
// Routes (public)
//   0 POST /extensions/hostile/sleep/{ms}/   enqueues job "before-sleep", sleeps
//        {ms} (at most 60 s), enqueues "after-sleep", 200 {"slept":ms}
//   1 GET  /extensions/hostile/header/{kind}/  200 with one reply header:
//        "crlf" -> X-Note: "fine\r\nInjected: yes"; "name" -> "Bad Name: x";
//        anything else -> X-Note: fine
// Jobs
//   run_job "sleep" with {"ms":N}: sleeps N ms (at most 60 s), then IHP_OK;
//   any other kind: IHP_OK at once.
#include <algorithm>
#include <chrono>
#include <string>
#include <thread>

#include "ihp/sdk/json.hpp"
#include "ihp/sdk/plugin.hpp"

namespace {

namespace json = ihp::sdk::json;
using ihp::sdk::view;

const ihp_route kRoutes[] = {
    {IHP_STR_LIT("POST"), IHP_STR_LIT("/extensions/hostile/sleep/{ms}/"), IHP_ROUTE_PUBLIC},
    {IHP_STR_LIT("GET"), IHP_STR_LIT("/extensions/hostile/header/{kind}/"), IHP_ROUTE_PUBLIC},
};

// Each route has exactly one {param}.
std::string theParam(const ihp_request& request) {
  return request.path_param_count == 1 ? std::string(view(request.path_params[0].value)) : std::string();
}

// Bounded, so a test that forgets to wait cannot leave a thread behind for long.
void sleepMs(long long ms) { std::this_thread::sleep_for(std::chrono::milliseconds(std::clamp(ms, 0LL, 60000LL))); }

long long number(const std::string& text) {
  try {
    return std::stoll(text);
  } catch (...) {
    return 0;
  }
}

class HostilePlugin : public ihp::sdk::Plugin {
 public:
  explicit HostilePlugin(const ihp::sdk::Host&) {}

  ihp_status handleRequest(ihp::sdk::Host& host, const ihp_request& request, ihp::sdk::Reply& reply) override {
    if (request.route_index == 0) {
      const long long ms = number(theParam(request));
      if (host.enqueue(job("before-sleep")) != IHP_OK) return IHP_E_INTERNAL;
      sleepMs(ms);
      host.enqueue(job("after-sleep"));  // refused (IHP_E_TIMEOUT) once the call was abandoned
      reply.json(200, "{\"slept\":" + std::to_string(ms) + "}");
      return IHP_OK;
    }
    const std::string kind = theParam(request);
    if (kind == "crlf") {
      reply.header("X-Note", "fine\r\nInjected: yes");
    } else if (kind == "name") {
      reply.header("Bad Name", "x");
    } else {
      reply.header("X-Note", "fine");
    }
    reply.json(200, R"({"kind":")" + kind + R"("})");
    return IHP_OK;
  }

  ihp_status runJob(ihp::sdk::Host&, const ihp_job& job, ihp::sdk::Reply&) override {
    if (view(job.kind) == "sleep") {
      json::Document payload;
      if (json::parseObject(view(job.payload_json), payload)) sleepMs(json::int64(payload, "ms").value_or(0));
    }
    return IHP_OK;
  }

 private:
  static ihp::sdk::Host::JobSpec job(const std::string& kind) {
    ihp::sdk::Host::JobSpec spec;
    spec.kind = kind;
    return spec;
  }
};

const ihp::sdk::Descriptor& descriptor() {
  static const ihp::sdk::Descriptor d{IHP_STR_LIT("hostile"),
                                      IHP_STR_LIT("Hostile"),
                                      IHP_STR_LIT("1.0.0"),
                                      nullptr,
                                      0,
                                      IHP_PLUGIN_THREAD_SAFE,
                                      kRoutes,
                                      2};
  return d;
}

}  // namespace

IHP_DEFINE_PLUGIN(HostilePlugin, descriptor)
