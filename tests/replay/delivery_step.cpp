// The "deliver" step: webhook delivery n of the fixture reaches the host.
//
// Recording holds every delivery the stateful mock makes (the runner switches the
// mock to hold mode at start) and releases exactly delivery n here, so the host sees
// the same deliveries at the same points of the scenario as in a replay; deliveries
// no step names stay in the fixture but never reach the host. Delivery n of a
// cassette is the mock's delivery id n + 1.
//
// Replaying sends the recorded delivery n through POST /_mock/replay/deliveries/{n}:
// the mock restores its placeholders from what this run registered (the host URL
// and the webhook token) and signs it with the secret this run registered.
#include <algorithm>
#include <chrono>

#include "expectation.h"
#include "step_fields.h"
#include "step_kinds.h"
#include "support/eventually.h"
#include "support/json_helpers.h"

namespace ih::replay {
namespace {

using namespace std::chrono_literals;

rapidjson::Document controlList(RunContext& context, const std::string& path) {
  auto response = context.jira.control("GET", path);
  if (response.status != 200) throw StepFailure("GET " + path + " answered " + std::to_string(response.status));
  return ih::testing::parseJson(response.body);
}

const rapidjson::Value* findById(const rapidjson::Value& list, std::int64_t id) {
  for (const auto& item : list.GetArray()) {
    if (item["id"].GetInt64() == id) return &item;
  }
  return nullptr;
}

std::int64_t lastAttemptId(RunContext& context) {
  std::int64_t last = 0;
  auto attempts = controlList(context, "/_mock/deliveries");
  for (const auto& item : attempts.GetArray()) last = std::max(last, item["id"].GetInt64());
  return last;
}

// Waits for the attempt with this id (or, with `after`, the first one past it).
rapidjson::Document waitForAttempt(RunContext& context, std::int64_t id, bool after) {
  rapidjson::Document found;
  const bool arrived = ih::testing::eventually(
      [&] {
        auto attempts = controlList(context, "/_mock/deliveries");
        for (const auto& item : attempts.GetArray()) {
          const auto itemId = item["id"].GetInt64();
          if (after ? itemId > id : itemId == id) {
            found.CopyFrom(item, found.GetAllocator());
            return true;
          }
        }
        return false;
      },
      10s);
  if (!arrived) throw StepFailure("the mock made no delivery attempt within 10 s");
  return found;
}

std::int64_t releaseRecorded(RunContext& context, std::int64_t index) {
  const std::int64_t id = index + 1;
  const bool held = ih::testing::eventually(
      [&] { return findById(controlList(context, "/_mock/deliveries/pending"), id) != nullptr; }, 5s);
  if (!held) {
    throw StepFailure("the mock never made delivery " + std::to_string(index) +
                      " (id " + std::to_string(id) + "): the change that should cause it did not happen, or an "
                      "earlier change made more deliveries than the scenario expects");
  }
  auto released = context.jira.control("POST", "/_mock/deliveries/release", R"({"id":)" + std::to_string(id) + "}");
  if (released.status != 200) throw StepFailure("release of delivery id " + std::to_string(id) + ": " + released.body);
  return id;
}

std::int64_t sendRecorded(RunContext& context, std::int64_t index) {
  const auto before = lastAttemptId(context);
  auto sent = context.jira.control("POST", "/_mock/replay/deliveries/" + std::to_string(index), "{}");
  if (sent.status != 202) {
    throw StepFailure("POST /_mock/replay/deliveries/" + std::to_string(index) + " answered " +
                      std::to_string(sent.status) + " " + sent.body);
  }
  return before;
}

}  // namespace

void runDeliverStep(RunContext& context, const rapidjson::Value& step) {
  requireOnlyKeys(step, {"deliver", "expect", "event", "description"});
  const auto* index = optionalMember(step, "deliver");
  if (index == nullptr || !index->IsInt64() || index->GetInt64() < 0) throw StepFailure("\"deliver\" takes an index from 0");
  const auto started = std::chrono::steady_clock::now();
  const auto attempt = context.recording() ? waitForAttempt(context, releaseRecorded(context, index->GetInt64()), false)
                                           : waitForAttempt(context, sendRecorded(context, index->GetInt64()), true);
  const Answer answer{attempt["status"].IsInt() ? attempt["status"].GetInt() : 0, ""};
  context.log() << "    deliver " << index->GetInt64() << " (" << ih::testing::jsonString(attempt, "/event") << ") -> "
              << answer.status << " ("
              << std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started).count()
              << " ms)\n";
  if (attempt["error"].IsString()) throw StepFailure(std::string("the delivery failed: ") + attempt["error"].GetString());
  const auto event = optionalString(step, "event", "");
  if (!event.empty() && event != ih::testing::jsonString(attempt, "/event")) {
    throw StepFailure("delivery " + std::to_string(index->GetInt64()) + " is a " +
                      ih::testing::jsonString(attempt, "/event") + ", not a " + event);
  }
  checkExpectations(optionalMember(step, "expect"), answer, context.vars);
}

}  // namespace ih::replay
