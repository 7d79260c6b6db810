#include "server/dispatcher.h"

#include <chrono>
#include <thread>

#include "common/wall_clock.h"

namespace ih::mock {
namespace {

bool isControlPath(const std::string& path) { return path == "/_mock" || path.rfind("/_mock/", 0) == 0; }

}  // namespace

HttpResponse Dispatcher::handle(const HttpRequest& request) {
  if (isControlPath(request.path)) return targets_.control.handle(request);
  const auto recording = targets_.journal.recording();
  auto response = jiraResponse(request);
  targets_.journal.append(request, response);
  if (targets_.recorder != nullptr) targets_.recorder->recordInteraction(request, response);
  return response;
}

HttpResponse Dispatcher::jiraResponse(const HttpRequest& request) {
  const auto& context = targets_.config.contextPath;
  const bool underContext = context.empty() || request.path == context || request.path.rfind(context + "/", 0) == 0;
  if (!underContext) return unknownPathResponse(targets_.config.baseUrl, request);
  auto fault = targets_.faults.take(request.method, request.path, context);
  // On this connection's own thread, like the answer's delay: other
  // connections (a change made meanwhile) are served in the wait.
  if (fault && fault->delayBeforeMs > 0) std::this_thread::sleep_for(std::chrono::milliseconds(fault->delayBeforeMs));
  if (fault && (fault->status != 0 || fault->reset)) {
    HttpResponse failed = fault->reset ? HttpResponse{} : faultResponse(*fault);
    if (fault->reset) failed.fault = TransportFault::kConnectionReset;
    failed.delayMs = fault->delayMs;
    return failed;
  }
  auto response = serve(request, request.path.substr(context.size()));
  if (fault) response.delayMs += fault->delayMs;
  if (fault && fault->dropAnswer) response.fault = TransportFault::kAnswerDropped;
  return response;
}

HttpResponse Dispatcher::serve(const HttpRequest& request, const std::string& jiraPath) {
  if (targets_.replayer != nullptr) return replay(request);
  if (targets_.proxy != nullptr) return targets_.proxy->forward(request);
  // Replay answers what was recorded (429s included); the limiter is the live Jira's.
  auto verdict = targets_.rateLimiter.take(jiraPath, nowMillis());
  if (verdict && !verdict->allowed) return verdict->refusal;
  auto response = targets_.rest.handle(request, jiraPath);
  if (verdict) targets_.rateLimiter.annotate(response, nowMillis());
  return response;
}

HttpResponse Dispatcher::replay(const HttpRequest& request) {
  // Credentials are never byte-compared, but a signature must still be valid.
  auto auth = targets_.authenticator.authenticate(request);
  if (auto* refusal = std::get_if<HttpResponse>(&auth)) {
    targets_.replayer->noteRefused(request, "HTTP " + std::to_string(refusal->status) + " " + refusal->body);
    return *refusal;
  }
  return targets_.replayer->respond(request);
}

}  // namespace ih::mock
