// The "api" step (the contract's API of the host, or any host route) and the
// "jira" step (mock-jira's control API).
#include <chrono>

#include "expectation.h"
#include "step_fields.h"
#include "step_kinds.h"
#include "support/json_helpers.h"

namespace ih::replay {
namespace {

constexpr std::size_t kLogged = 200;

// The step's "body" with ${name} substituted, as JSON text ("" when absent).
std::string bodyOf(const RunContext& context, const rapidjson::Value& step) {
  const auto* body = optionalMember(step, "body");
  if (body == nullptr) return "";
  rapidjson::Document doc;
  doc.CopyFrom(context.vars.substituteJson(*body, doc.GetAllocator()), doc.GetAllocator());
  return ih::testing::toJson(doc);
}

std::string tokenFor(const RunContext& context, const rapidjson::Value& step) {
  const auto as = optionalString(step, "as", "admin");
  if (as == "admin") return context.adminToken;
  if (as == "none") return "";
  return context.vars.get(as);
}

// One log line per call: the path as written in the scenario (secrets never
// substituted into it), what came back and how long it took.
void logCall(RunContext& context, const char* kind, const HttpTarget& target, const Answer& answer,
             std::chrono::steady_clock::duration took) {
  const auto body = context.vars.mask(answer.body.substr(0, kLogged));
  context.log() << "    " << kind << " " << target.method << " " << context.vars.mask(target.path) << " -> "
              << answer.status << " ("
              << std::chrono::duration_cast<std::chrono::milliseconds>(took).count() << " ms) " << body
              << (answer.body.size() > kLogged ? "..." : "") << "\n";
}

// Checks and saves, then logs: a saved token is masked in the log line that shows it.
void finish(RunContext& context, const rapidjson::Value& step, const char* kind, const HttpTarget& target,
            const Answer& answer, std::chrono::steady_clock::time_point started) {
  try {
    checkExpectations(optionalMember(step, "expect"), answer, context.vars);
    if (const auto* save = optionalMember(step, "save")) saveValues(*save, answer.body, context.vars);
  } catch (...) {
    logCall(context, kind, target, answer, std::chrono::steady_clock::now() - started);
    throw;
  }
  logCall(context, kind, target, answer, std::chrono::steady_clock::now() - started);
}

}  // namespace

void runApiStep(RunContext& context, const rapidjson::Value& step) {
  requireOnlyKeys(step, {"api", "as", "body", "expect", "save", "description"});
  const auto target = parseTarget(context.vars.substitute(requiredString(step, "api")));
  const auto started = std::chrono::steady_clock::now();
  auto reply = context.host.call(target.method, target.path, tokenFor(context, step), bodyOf(context, step));
  finish(context, step, "api ", target, Answer{reply.status, reply.body}, started);
}

void runJiraStep(RunContext& context, const rapidjson::Value& step) {
  requireOnlyKeys(step, {"jira", "body", "expect", "save", "description", "recordOnly"});
  const auto target = parseTarget(context.vars.substitute(requiredString(step, "jira")));
  const auto started = std::chrono::steady_clock::now();
  auto response = context.jira.control(target.method, target.path, bodyOf(context, step));
  finish(context, step, "jira", target, Answer{response.status, response.body}, started);
}

}  // namespace ih::replay
