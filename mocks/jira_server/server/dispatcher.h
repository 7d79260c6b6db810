// The request pipeline for every connection: control routes at the root; Jira routes
// under the context path through fault rules, then replay, proxy or (behind the rate
// limiter) the stateful Jira;
// then the journal and the recorder.
#pragma once

#include <string>

#include "common/http_types.h"
#include "control/control_router.h"
#include "fixtures/recorder.h"
#include "fixtures/replayer.h"
#include "oauth/authenticator.h"
#include "rest/rest_router.h"
#include "server/fault_injector.h"
#include "server/journal.h"
#include "server/mock_config.h"
#include "server/proxy_forwarder.h"
#include "server/rate_limiter.h"

namespace ih::mock {

struct DispatchTargets {
  const MockConfig& config;
  ControlRouter& control;
  RestRouter& rest;
  const Authenticator& authenticator;
  FaultInjector& faults;
  RateLimiter& rateLimiter;
  Journal& journal;
  Recorder* recorder;      // --record
  Replayer* replayer;      // --replay
  ProxyForwarder* proxy;   // --upstream
};

class Dispatcher {
 public:
  explicit Dispatcher(DispatchTargets targets) : targets_(targets) {}

  HttpResponse handle(const HttpRequest& request);

 private:
  HttpResponse jiraResponse(const HttpRequest& request);
  HttpResponse serve(const HttpRequest& request, const std::string& jiraPath);
  HttpResponse replay(const HttpRequest& request);

  DispatchTargets targets_;
};

}  // namespace ih::mock
