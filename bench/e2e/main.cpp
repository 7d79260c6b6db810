// ih-bench-e2e: the host under webhook load, end to end. Starts mock-jira and
// integration-host as real processes (BenchStack), then measures, each phase
// optional (--phases):
//   load     - deliveries per second and latency percentiles for the three
//              delivery kinds (WebhookDeliveries) at each connection count,
//              plus CPU time per delivery of host, mock and this driver (all
//              share the machine's cores, so the driver's share is reported);
//   outbound - API assign -> Jira updated, over --outbound-runs runs;
//   memory   - host and mock-jira RSS at idle, after set-up, after the load,
//              and every --memory-step assignee deliveries up to
//              --memory-deliveries, to show whether memory stays flat.
// Prints Markdown tables (docs/benchmarks.md quotes them).
#include <unistd.h>

#include <chrono>
#include <functional>
#include <iostream>
#include <thread>

#include "e2e/bench_options.h"
#include "e2e/bench_stack.h"
#include "e2e/latency_stats.h"
#include "e2e/load_runner.h"
#include "e2e/outbound_latency.h"
#include "e2e/process_stats.h"
#include "e2e/text_table.h"
#include "e2e/webhook_deliveries.h"
#include "e2e/wrk_scene.h"
#include "support/json_helpers.h"

namespace ih::bench {
namespace {

using Seconds = std::chrono::duration<double>;

std::chrono::milliseconds millis(double seconds) {
  return std::chrono::milliseconds(static_cast<long>(seconds * 1000));
}

// CPU seconds of host, mock and driver, to tell where a load's time went.
struct CpuSnapshot {
  double host = 0, jira = 0, driver = 0;

  static CpuSnapshot take(BenchStack& stack) {
    return {readProcessCpuSeconds(stack.hostPid()), readProcessCpuSeconds(stack.jiraPid()),
            readProcessCpuSeconds(getpid())};
  }
};

class E2EBenchmark {
 public:
  explicit E2EBenchmark(const BenchOptions& options) : options_(options) {}

  void run() {
    std::cout << "# ih-bench-e2e: " << options_.tickets << " linked tickets, " << options_.seconds
              << " s per cell after " << options_.warmupSeconds << " s warm-up\n\n";
    const auto started = std::chrono::steady_clock::now();
    stack_ = std::make_unique<BenchStack>(StackOptions{options_.tickets, options_.hostEnv, options_.hostArgs});
    std::this_thread::sleep_for(std::chrono::seconds(1));  // let start-up settle before "idle"
    sampleMemory("idle after start-up (plugin loaded)");
    stack_->setUp();
    std::cout << "start-up and set-up (PAT install, " << options_.tickets + 1 << " issues linked through the API): "
              << fixed(Seconds(std::chrono::steady_clock::now() - started).count()) << " s\n\n";
    sampleMemory("after set-up");
    if (!options_.sceneDir.empty()) return serveWrkScene(*stack_, options_.sceneDir);
    deliveries_ = std::make_unique<WebhookDeliveries>(*stack_);

    if (options_.phases.count("load")) runLoadMatrix();
    if (options_.phases.count("outbound")) runOutbound();
    if (options_.phases.count("memory")) runMemory();
    std::cout << "## Memory (VmRSS / VmHWM from /proc)\n\n";
    memory_.print(std::cout);
    std::cout << '\n';
  }

 private:
  LoadResult drive(int connections, const RequestSource& source, std::chrono::milliseconds duration,
                   std::optional<uint64_t> total = std::nullopt) {
    LoadPlan plan;
    plan.port = stack_->host().process().port();
    plan.connections = connections;
    plan.duration = duration;
    plan.totalRequests = total;
    LoadResult result = runLoad(plan, source);
    delivered_ += result.requests;
    if (result.unexpected > 0) {
      std::cout << "WARNING: " << result.unexpected << " unexpected answers (" << result.firstProblem << ")\n";
    }
    return result;
  }

  void runLoadMatrix() {
    TextTable table({"delivery", "conns", "requests", "req/s", "p50 ms", "p95 ms", "p99 ms", "max ms",
                     "host CPU us/req", "mock CPU us/req", "driver CPU us/req", "errors"});
    const std::vector<std::pair<std::string, std::function<RequestSource(int)>>> kinds = {
        {"bad token (400)",
         [&](int) -> RequestSource { return [&](int, uint64_t) { return deliveries_->badToken(); }; }},
        {"no changelog (200)",
         [&](int) -> RequestSource { return [&](int, uint64_t) { return deliveries_->noChangelog(); }; }},
        {"assignee change (200)", [&](int connections) { return deliveries_->assigneeChanges(connections); }},
    };
    for (const auto& [name, sourceFor] : kinds) {
      for (int connections : options_.connections) {
        const RequestSource source = sourceFor(connections);
        drive(connections, source, millis(options_.warmupSeconds));
        const CpuSnapshot before = CpuSnapshot::take(*stack_);
        LoadResult result = drive(connections, source, millis(options_.seconds));
        const CpuSnapshot after = CpuSnapshot::take(*stack_);
        const double perRequestUs = 1e6 / static_cast<double>(std::max<uint64_t>(result.requests, 1));
        LatencySummary latency = summarize(result.latenciesMs);
        table.addRow({name, std::to_string(connections), std::to_string(result.requests), fixed(result.perSecond()),
                      fixed(latency.p50Ms, 2), fixed(latency.p95Ms, 2), fixed(latency.p99Ms, 2),
                      fixed(latency.maxMs, 1),
                      fixed((after.host - before.host) * perRequestUs, 0),
                      fixed((after.jira - before.jira) * perRequestUs, 0),
                      fixed((after.driver - before.driver) * perRequestUs, 0), std::to_string(result.unexpected)});
      }
    }
    std::cout << "## Webhook deliveries (closed loop, keep-alive)\n\n";
    table.print(std::cout);
    std::cout << '\n';
    verifyAssignees();
    sampleMemory("after the load phase");
  }

  void runOutbound() {
    stack_->setForwardAssignment(true);
    measureOutboundLatency(*stack_, 4);  // warm-up: first job, Jira connection, caches
    OutboundRuns runs = measureOutboundLatency(*stack_, options_.outboundRuns);
    stack_->setForwardAssignment(false);
    LatencySummary endToEnd = summarize(runs.endToEndMs);
    LatencySummary api = summarize(runs.apiMs);
    TextTable table({"runs", "median ms", "p95 ms", "max ms", "API call median ms", "missed"});
    table.addRow({std::to_string(endToEnd.count), fixed(endToEnd.p50Ms), fixed(endToEnd.p95Ms), fixed(endToEnd.maxMs),
                  fixed(api.p50Ms, 2), std::to_string(runs.missed)});
    std::cout << "## Outbound: API assign -> Jira ticket updated\n\n";
    table.print(std::cout);
    std::cout << '\n';
  }

  void runMemory() {
    const RequestSource source = deliveries_->assigneeChanges(options_.memoryConnections);
    for (long sent = 0; sent < options_.memoryDeliveries;) {
      const long step = std::min(options_.memoryStep, options_.memoryDeliveries - sent);
      drive(options_.memoryConnections, source, std::chrono::milliseconds(0), static_cast<uint64_t>(step));
      sent += step;
      sampleMemory("memory phase: +" + std::to_string(sent) + " assignee deliveries");
    }
    verifyAssignees();
  }

  void sampleMemory(const std::string& when) {
    const MemorySample host = readProcessMemory(stack_->hostPid());
    const MemorySample jira = readProcessMemory(stack_->jiraPid());
    memory_.addRow({when, std::to_string(delivered_), fixed(static_cast<double>(host.rssKb) / 1024),
                    fixed(static_cast<double>(host.peakRssKb) / 1024), fixed(static_cast<double>(jira.rssKb) / 1024),
                    fixed(static_cast<double>(jira.peakRssKb) / 1024)});
  }

  // Every assignee delivery must have changed its issue: the host's assignee
  // of a sample of tickets is the last one sent.
  void verifyAssignees() {
    int checked = 0, wrong = 0;
    const int stride = std::max(1, options_.tickets / 25);
    for (int ticket = 0; ticket < options_.tickets; ticket += stride) {
      const std::string expected = deliveries_->lastAssignee(ticket);
      if (expected.empty()) continue;
      auto issue = stack_->api().getIssue(BenchStack::kOrg, stack_->loadIssueId(ticket));
      const bool assigned =
          issue.json.IsObject() && issue.json.HasMember("assignedTo") && issue.json["assignedTo"].IsObject();
      const std::string actual = assigned ? ih::testing::jsonString(issue.json, "/assignedTo/email") : "";
      ++checked;
      if (actual != expected) ++wrong;
    }
    std::cout << "check: " << checked - wrong << "/" << checked
              << " sampled tickets carry the last assignee sent" << (wrong ? "  <-- MISMATCH" : "") << "\n\n";
  }

  const BenchOptions& options_;
  std::unique_ptr<BenchStack> stack_;
  std::unique_ptr<WebhookDeliveries> deliveries_;
  uint64_t delivered_ = 0;
  TextTable memory_{{"when", "deliveries so far", "host RSS MB", "host peak MB", "mock RSS MB", "mock peak MB"}};
};

}  // namespace
}  // namespace ih::bench

int main(int argc, char** argv) {
  try {
    const ih::bench::BenchOptions options = ih::bench::parseOptions(argc, argv);
    ih::bench::E2EBenchmark(options).run();
    return 0;
  } catch (const std::exception& error) {
    std::cerr << "ih-bench-e2e: " << error.what() << '\n';
    return 1;
  }
}
