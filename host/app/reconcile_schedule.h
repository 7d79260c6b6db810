// host/app/reconcile_schedule.h - the periodic reconcile (--reconcile-interval-s):
// a thread that, every interval, starts a reconcile of each active link whose
// plugin is enabled and whose previous reconcile has finished, unless another
// host on the database started it in this interval
// (domain::ReconcileStarter::startAllDue). Webhooks lost by the remote side are
// so recovered without anyone asking. The first run is one interval after
// start-up (a restart does not trigger a burst); 0 turns it off.
#pragma once

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

#include "common/clock.h"
#include "domain/reconcile_starter.h"
#include "storage/database.h"

namespace ih::host::app {

class ReconcileSchedule {
 public:
  ReconcileSchedule(storage::Database& database, domain::ReconcileStarter& starter, const Clock& clock,
                    std::chrono::seconds interval)
      : database_(database), starter_(starter), clock_(clock), interval_(interval) {}
  ~ReconcileSchedule() { stop(); }
  ReconcileSchedule(const ReconcileSchedule&) = delete;
  ReconcileSchedule& operator=(const ReconcileSchedule&) = delete;

  void start();  // no-op when the interval is 0
  void stop();

 private:
  void run();

  storage::Database& database_;
  domain::ReconcileStarter& starter_;
  const Clock& clock_;
  std::chrono::seconds interval_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace ih::host::app
