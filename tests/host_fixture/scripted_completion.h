// tests/host_fixture/scripted_completion.h - a jobs::JobCompletion for tests
// that hand a job to a runner without claiming it first: it counts the
// runner's requests and answers as the test says (false: the attempt's lease
// was lost, so the runner must roll the job's effects back).
#pragma once

#include "jobs/job_runner.h"

namespace ih::test {

class ScriptedCompletion final : public host::jobs::JobCompletion {
 public:
  explicit ScriptedCompletion(bool leaseHeld = true) : leaseHeld_(leaseHeld) {}
  bool markDoneIn(host::storage::UnitOfWork&) override {
    ++requests;
    return leaseHeld_;
  }
  int requests = 0;

 private:
  bool leaseHeld_;
};

}  // namespace ih::test
