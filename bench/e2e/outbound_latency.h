// bench/e2e/outbound_latency.h - how long an assignment made through the
// host's API takes to reach Jira: from just before `PUT .../issues/{id}/`
// to the moment mock-jira served the plugin's `PUT /rest/api/2/issue/KEY/
// assignee` (the mock's journal time, so polling speed does not matter). In
// between: the API's unit of work commits the activity and the durable job,
// a worker wakes, claims it, the plugin looks the user up in Jira and assigns.
#pragma once

#include <vector>

#include "e2e/bench_stack.h"

namespace ih::bench {

struct OutboundRuns {
  std::vector<double> endToEndMs;  // API call start -> Jira updated
  std::vector<double> apiMs;       // the API call alone
  int missed = 0;                  // runs where Jira was not updated within 10 s
};

// Alternates the stack's outbound issue between alice and bob `runs` times
// (forward assignment sync must be on).
OutboundRuns measureOutboundLatency(BenchStack& stack, int runs);

}  // namespace ih::bench
