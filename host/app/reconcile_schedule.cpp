#include "app/reconcile_schedule.h"

#include <Poco/Logger.h>

#include "common/thread_name.h"

namespace ih::host::app {

void ReconcileSchedule::start() {
  if (interval_.count() <= 0 || thread_.joinable()) return;
  thread_ = std::thread([this] { run(); });
}

void ReconcileSchedule::stop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void ReconcileSchedule::run() {
  nameThisThread("ih-reconcile");
  Poco::Logger& logger = Poco::Logger::get("ih.app.reconcile");
  std::unique_lock lock(mutex_);
  while (!wake_.wait_for(lock, interval_, [this] { return stopping_; })) {
    lock.unlock();
    try {
      auto uow = database_.begin();
      const size_t started = starter_.startAllDue(*uow, clock_.nowMs(), interval_);
      uow->commit();
      if (started > 0) logger.information("periodic reconcile: %z link(s) started", started);
    } catch (const std::exception& e) {
      // The next interval tries again; the database may be back by then.
      logger.error(std::string("periodic reconcile failed: ") + e.what());
    }
    lock.lock();
  }
}

}  // namespace ih::host::app
