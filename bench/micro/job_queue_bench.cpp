// The durable job queue (host/jobs/job_queue.h) on a real SQLite file (WAL,
// synchronous=NORMAL, as the host runs it), built through the host fixture.
// enqueue+commit is what an API change or a webhook pays to make its sync
// durable; claim+complete is a worker's bookkeeping per job, without the
// job's own work. Both take the single SQLite write lock, so these rates are
// the ceiling of the whole queue, whatever the number of workers. Rates use
// wall-clock time: waiting for the disk is part of the cost.
#include <benchmark/benchmark.h>

#include <string>

#include "host_fixture.h"

namespace {

using ih::host::jobs::JobRequest;

// An outbound sync job as OutboundEvents enqueues it: per-ticket ordering key,
// a small JSON payload.
JobRequest syncJob(int64_t sequence, bool keyed) {
  JobRequest request;
  request.pluginKey = "jira_server";
  request.kind = "ihp.event";
  request.payloadJson = R"({"type":"assign","issueId":)" + std::to_string(sequence) +
                        R"(,"externalIssueId":42,"key":"OPS-1",)"
                        R"("assignee":{"id":7,"verifiedEmails":["bob@example.test"]}})";
  if (keyed) request.orderingKey = "external-issue:1:OPS-" + std::to_string(sequence % 100);
  request.organizationId = 1;
  request.integrationId = 1;
  return request;
}

// range(0) jobs per transaction: 1 is one API request's worth; 10 shows how
// much of the cost is the commit rather than the insert.
void jobQueueEnqueueCommit(benchmark::State& state) {
  ih::test::HostFixture host;
  const int64_t batch = state.range(0);
  int64_t sequence = 0;
  for (auto _ : state) {
    auto uow = host.begin();
    for (int64_t i = 0; i < batch; ++i) host.jobs().enqueue(*uow, syncJob(++sequence, true));
    uow->commit();
  }
  state.SetItemsProcessed(state.iterations() * batch);
}
BENCHMARK(jobQueueEnqueueCommit)->ArgName("jobsPerCommit")->Arg(1)->Arg(10)->UseRealTime()
    ->Unit(benchmark::kMicrosecond);

// Drains a backlog of max_iterations jobs (the backlog is the iteration
// count, fixed per registration). range(0) = 1: jobs carry per-ticket
// ordering keys (100 tickets), so a claim also checks that no earlier job of
// the same ticket is unfinished. Two backlog sizes show whether a claim's
// cost depends on how many jobs wait.
void jobQueueClaimComplete(benchmark::State& state) {
  ih::test::HostFixture host;
  const bool keyed = state.range(0) != 0;
  const int64_t jobs = static_cast<int64_t>(state.max_iterations);
  host.inTransaction([&](auto& uow) {
    for (int64_t i = 0; i < jobs; ++i) host.jobs().enqueue(uow, syncJob(i, keyed));
  });
  for (auto _ : state) {
    auto job = host.jobs().claimNext();
    if (!job) {
      state.SkipWithError("the queue ran dry");
      break;
    }
    host.jobs().complete(*job);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(jobQueueClaimComplete)->ArgName("orderingKeys")->Arg(0)->Arg(1)->Iterations(100)->UseRealTime()
    ->Unit(benchmark::kMicrosecond);
BENCHMARK(jobQueueClaimComplete)->ArgName("orderingKeys")->Arg(0)->Arg(1)->Iterations(2000)->UseRealTime()
    ->Unit(benchmark::kMicrosecond);

}  // namespace
