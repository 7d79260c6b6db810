// tests/unit/host/support/job_requests.h - the minimal JobRequest the job
// queue and worker tests enqueue: a plugin key and a kind, defaults elsewhere.
#pragma once

#include <string>

#include "jobs/job_queue.h"

namespace ih::test {

inline host::jobs::JobRequest jobRequest(const std::string& pluginKey, const std::string& kind) {
  host::jobs::JobRequest request;
  request.pluginKey = pluginKey;
  request.kind = kind;
  return request;
}

}  // namespace ih::test
