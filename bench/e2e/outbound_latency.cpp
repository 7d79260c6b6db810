#include "e2e/outbound_latency.h"

#include <chrono>
#include <functional>
#include <optional>
#include <stdexcept>
#include <thread>

#include "e2e/wall_clock.h"
#include "jira_host_api.h"
#include "support/json_helpers.h"

namespace ih::bench {

namespace {

using SteadyClock = std::chrono::steady_clock;

// When the mock served the assignee call for `key`, once it has.
std::optional<int64_t> assignServedAtMs(const ih::testing::MockJiraProcess& jira, const std::string& key) {
  auto entries = jira.journal("PUT", "/rest/api/2/issue/" + key + "/assignee");
  if (entries.empty()) return std::nullopt;
  return entries.front().timeMs;
}

bool jiraEchoAnswered(const ih::testing::MockJiraProcess& jira) {
  auto attempts = jira.control("GET", "/_mock/deliveries");
  return attempts.status == 200 && ih::e2e::jira::answeredDeliveries(ih::testing::parseJson(attempts.body)) > 0;
}

// Polls without adding to the measured time (the mock's clock is the witness).
bool pollUntil(SteadyClock::time_point deadline, const std::function<bool()>& done) {
  while (!done()) {
    if (SteadyClock::now() >= deadline) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  return true;
}

void expectStatus(const ih::testing::HttpResponse& response, int status, const char* what) {
  if (response.status != status) throw std::runtime_error(std::string(what) + " -> " + response.body);
}

}  // namespace

OutboundRuns measureOutboundLatency(BenchStack& stack, int runs) {
  OutboundRuns result;
  ih::testing::MockJiraProcess& jira = stack.jira();
  const std::string key = stack.outboundTicketKey();
  for (int run = 0; run < runs; ++run) {
    expectStatus(jira.control("DELETE", "/_mock/journal"), 204, "clearing the journal");
    expectStatus(jira.control("DELETE", "/_mock/deliveries"), 204, "clearing the deliveries");
    const std::string body =
        run % 2 == 0 ? R"({"assignedTo":"alice@example.test"})" : R"({"assignedTo":"bob@example.test"})";
    const int64_t startedMs = wallClockMs();
    const auto started = SteadyClock::now();
    auto reply = stack.api().updateIssue(BenchStack::kOrg, stack.outboundIssueId(), body);
    result.apiMs.push_back(std::chrono::duration<double, std::milli>(SteadyClock::now() - started).count());
    if (reply.status != 200) throw std::runtime_error("assign through the API: " + reply.describe());

    std::optional<int64_t> servedMs;
    const auto served = [&] { return (servedMs = assignServedAtMs(jira, key)).has_value(); };
    if (!pollUntil(started + std::chrono::seconds(10), served)) {
      ++result.missed;
      continue;
    }
    result.endToEndMs.push_back(static_cast<double>(*servedMs - startedMs));
    // Jira echoes the change as a webhook; the next run starts once the host
    // answered it, so a late echo can never undo the next assignment.
    pollUntil(SteadyClock::now() + std::chrono::seconds(5), [&] { return jiraEchoAnswered(jira); });
  }
  return result;
}

}  // namespace ih::bench
