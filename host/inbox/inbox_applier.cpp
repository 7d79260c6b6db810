// host/inbox/inbox_applier.cpp - see inbox_applier.h.
#include "inbox/inbox_applier.h"

#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <limits>
#include <vector>

#include <Poco/Logger.h>

#include "common/clock.h"
#include "common/thread_name.h"
#include "inbox/inbox_appender.h"
#include "ops/metrics.h"
#include "plugins/loaded_plugin.h"
#include "plugins/plugin_registry.h"
#include "storage/database.h"
#include "storage/dialect.h"
#include "storage/inbox_repository.h"
#include "storage/query.h"

namespace ih::host::inbox {

namespace {

Poco::Logger& logger() { return Poco::Logger::get("ih.inbox"); }

constexpr int kApplierNice = 10;

constexpr const char* kAppliedTotal = "ih_webhook_inbox_applied_total";
constexpr const char* kFailedTotal = "ih_webhook_inbox_failures_total";
constexpr const char* kDeadTotal = "ih_webhook_inbox_dead_total";
constexpr const char* kPending = "ih_webhook_inbox_pending";
constexpr const char* kDead = "ih_webhook_inbox_dead";

// Read when /metrics is scraped: a count over the stored requests. NaN
// while the database is away, so the scrape still answers.
double inboxCount(storage::Database& database, bool dead) {
  try {
    auto uow = database.begin();
    storage::InboxRepository inbox(*uow);
    return static_cast<double>(dead ? inbox.dead() : inbox.pending());
  } catch (const std::exception&) {
    return std::numeric_limits<double>::quiet_NaN();
  }
}

int64_t retryDelayMs(const InboxOptions& options, int attempts) {
  int64_t delay = options.firstRetryDelayMs;
  for (int i = 1; i < attempts && delay < options.maxRetryDelayMs; ++i) delay *= 2;
  return std::min(delay, options.maxRetryDelayMs);
}

}  // namespace

InboxApplier::InboxApplier(storage::Database& database, plugins::PluginRegistry& plugins, const Clock& clock,
                           ops::Metrics& metrics, InboxOptions options)
    : database_(database), plugins_(plugins), clock_(clock), metrics_(metrics), options_(options) {
  metrics_.describe(kAppliedTotal, "Webhook requests applied from the inbox (or dropped by their plugin)");
  metrics_.describe(kFailedTotal, "Failed applications of inbox requests (each is retried)");
  metrics_.describe(kDeadTotal, "Inbox requests given up after their last attempt (kept as dead)");
  metrics_.describe(kPending, "Webhook requests acknowledged and not yet applied, on every host of the database");
  metrics_.describe(kDead, "Webhook requests given up, kept in webhook_inbox for an operator");
  metrics_.gaugeCallback(kPending, [&database] { return inboxCount(database, false); });
  metrics_.gaugeCallback(kDead, [&database] { return inboxCount(database, true); });
}

InboxApplier::~InboxApplier() {
  stop();
  metrics_.removeGaugeCallback(kPending);
  metrics_.removeGaugeCallback(kDead);
}

void InboxApplier::start() {
  if (!threads_.empty()) return;
  {
    std::lock_guard lock(mutex_);
    stopping_ = false;
    ++wakeUps_;  // what an earlier run (or a dead host) left
  }
  for (int i = 0; i < std::max(1, options_.appliers); ++i) threads_.emplace_back([this] { run(); });
}

void InboxApplier::stop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wakeUp_.notify_all();
  passedOn_.notify_all();
  for (std::thread& thread : threads_) thread.join();
  threads_.clear();
}

void InboxApplier::wake() {
  {
    std::lock_guard lock(mutex_);
    ++wakeUps_;
  }
  wakeUp_.notify_all();
}

void InboxApplier::run() {
  nameThisThread("ih-inbox-apply");
  // Below the request threads on the CPU too: under load the two cores are
  // the acknowledgements' first. (Linux applies nice values per thread.)
  if (::setpriority(PRIO_PROCESS, static_cast<id_t>(::gettid()), kApplierNice) != 0) {
    logger().debug("webhook inbox: the applier keeps the default CPU priority");
  }
  std::unique_lock lock(mutex_);
  uint64_t seen = 0;
  while (!stopping_) {
    wakeUp_.wait_for(lock, options_.pollInterval, [&] { return wakeUps_ != seen || stopping_; });
    seen = wakeUps_;
    lock.unlock();
    try {
      drain();
    } catch (const std::exception& e) {
      // The database may be away; the requests stay stored for the next try.
      logger().error(std::string("webhook inbox: applying failed: ") + e.what());
    }
    lock.lock();
  }
}

size_t InboxApplier::drain() {
  DrainCursor cursor;
  cursor.claim = std::max<size_t>(1, options_.batchSize);
  size_t total = 0;
  for (;;) {
    makeWayForAcknowledgements();
    const size_t applied = applyBatch(cursor);
    if (applied == 0) return total;
    total += applied;
    applied_.fetch_add(applied, std::memory_order_relaxed);
  }
}

// On SQLite a batch holds the one writer every acknowledgement needs, and
// on either backend it takes CPU from them: a sender is waiting for each
// acknowledgement, while the inbox waits for nobody. A burst is so
// acknowledged at the speed of storing it and applied after.
void InboxApplier::makeWayForAcknowledgements() {
  if (appender_ == nullptr) return;
  std::unique_lock lock(mutex_);
  while (!stopping_ && acknowledgementsWaiting()) wakeUp_.wait_for(lock, std::chrono::milliseconds(1));
}

bool InboxApplier::acknowledgementsWaiting() const {
  return appender_ != nullptr && readersWaiting_.load() == 0 && appender_->waiting() > 0 &&
         appender_->stored() - std::min(appender_->stored(), applied_.load()) < options_.yieldBelowBacklog;
}

bool InboxApplier::awaitApplied(int64_t id, std::chrono::milliseconds limit) {
  if (appliedThrough_.load(std::memory_order_acquire) >= id) return true;
  std::unique_lock lock(mutex_);
  ++readersWaiting_;  // the applier stops giving way
  ++wakeUps_;
  wakeUp_.notify_all();
  const bool passedIt =
      passedOn_.wait_for(lock, limit, [&] { return stopping_ || appliedThrough_.load() >= id; });
  --readersWaiting_;
  return passedIt && appliedThrough_.load() >= id;
}

void InboxApplier::passed(int64_t id) {
  {
    std::lock_guard lock(mutex_);
    if (id <= appliedThrough_.load()) return;
    appliedThrough_.store(id, std::memory_order_release);
  }
  passedOn_.notify_all();
}

size_t InboxApplier::applyBatch(DrainCursor& cursor) {
  // Read before looking: when nothing is due, every request stored by then
  // is applied (here or by another host) or waits for a retry.
  const int64_t storedBefore = appender_ != nullptr ? appender_->lastStoredId() : 0;
  auto uow = database_.begin();
  storage::InboxRepository inbox(*uow, options_.sealer);
  std::vector<storage::InboxRequest> due = inbox.takeDue(clock_.nowMs(), cursor.claim, cursor.scanAfter);
  if (due.empty() && cursor.scanAfter > 0) {
    cursor.scanAfter = 0;  // what is left behind the cursor: a retry come due, a row another host held
    due = inbox.takeDue(clock_.nowMs(), cursor.claim, 0);
  }
  if (due.empty()) {
    passed(storedBefore);
    return 0;
  }
  if (due.size() > 1 && options_.batchLockWait.count() > 0) {
    if (const std::string bound = uow->dialect().limitLockWaitsSql(options_.batchLockWait.count()); !bound.empty()) {
      storage::Query(*uow, bound).executeWithNext();  // with the batch's first statement
    }
  }
  const auto deadline = std::chrono::steady_clock::now() + options_.batchBudget;
  std::vector<int64_t> done;
  for (const storage::InboxRequest& request : due) {
    if (apply(*uow, request)) {
      // Its writes and the batch's share one transaction: start again with
      // a transaction per request, so only the failing one is retried.
      uow->rollback();
      uow.reset();
      return applyOneByOne(done.size() + 1, cursor);
    }
    done.push_back(request.id);
    if (std::chrono::steady_clock::now() >= deadline) break;
    if (options_.yieldWithinBatch && acknowledgementsWaiting()) break;
  }
  inbox.remove(done);
  uow->commit();
  metrics_.increment(kAppliedTotal, {}, static_cast<double>(done.size()));
  const size_t most = std::max<size_t>(1, options_.batchSize);
  cursor.claim = done.size() < due.size() ? done.size() : std::min(2 * cursor.claim, most);
  cursor.scanAfter = done.back();
  passed(done.back());
  return done.size();
}

size_t InboxApplier::applyOneByOne(size_t count, DrainCursor& cursor) {
  size_t applied = 0;
  for (size_t i = 0; i < count; ++i) {
    auto uow = database_.begin();
    storage::InboxRepository inbox(*uow, options_.sealer);
    const std::vector<storage::InboxRequest> due = inbox.takeDue(clock_.nowMs(), 1, cursor.scanAfter);
    if (due.empty()) break;
    if (Failure failure = apply(*uow, due.front())) {
      uow->rollback();
      uow.reset();
      recordFailure(due.front(), *failure);
      cursor.scanAfter = due.front().id;
      passed(due.front().id);  // a reader must not wait for its retry
      continue;
    }
    inbox.remove({due.front().id});
    uow->commit();
    metrics_.increment(kAppliedTotal);
    cursor.scanAfter = due.front().id;
    passed(due.front().id);
    ++applied;
  }
  // A request that failed is out of the way until its retry: report progress
  // so the loop looks again.
  return std::max<size_t>(applied, count > 0 ? 1 : 0);
}

InboxApplier::Failure InboxApplier::apply(storage::UnitOfWork& uow, const storage::InboxRequest& stored) {
  if (!stored.unreadable.empty()) return stored.unreadable;  // retried (a newer host may read it), then kept
  std::optional<plugins::RouteMatch> match = plugins_.matchRoute(stored.method, stored.path);
  if (!match || match->plugin->info().key != stored.pluginKey) {
    // The plugin is gone (or no longer serves the path): nobody can apply it.
    logger().warning("webhook inbox: request %?d of %s has no route now; dropped", stored.id, stored.pluginKey);
    return std::nullopt;
  }
  plugins::PluginRequest request;
  request.routeIndex = match->routeIndex;
  request.method = stored.method;
  request.path = stored.path;
  request.query = stored.query;
  request.headers = stored.headers;
  request.pathParams = std::move(match->pathParams);
  request.body = stored.body;
  request.phase = IHP_REQUEST_PHASE_APPLY;
  plugins::CallScope scope{uow, 0, 0};
  try {
    const plugins::HookReply reply = match->plugin->handleRequest(scope, std::move(request));
    if (reply.status == IHP_OK && reply.httpStatus < 500) {
      if (reply.httpStatus >= 400) {
        logger().information("webhook inbox: request %?d dropped by %s (%d)", stored.id, stored.pluginKey,
                             static_cast<int>(reply.httpStatus));
      }
      return std::nullopt;
    }
    return reply.error.value_or("status " + std::to_string(reply.status) + ", HTTP " +
                                std::to_string(reply.httpStatus));
  } catch (const std::exception& e) {
    return std::string(e.what());
  }
}

void InboxApplier::recordFailure(const storage::InboxRequest& request, const std::string& reason) {
  const int attempts = request.attempts + 1;
  const bool dead = attempts >= options_.maxAttempts;
  metrics_.increment(kFailedTotal);
  if (dead) {
    metrics_.increment(kDeadTotal);
    logger().error("webhook inbox: request %?d of %s failed %d times; kept as dead: %s", request.id,
                   request.pluginKey, attempts, reason);
  } else {
    logger().warning("webhook inbox: request %?d of %s failed (attempt %d), retried later: %s", request.id,
                     request.pluginKey, attempts, reason);
  }
  auto uow = database_.begin();
  storage::InboxRepository(*uow).recordFailure(request.id, attempts, clock_.nowMs() + retryDelayMs(options_, attempts),
                                               reason, dead);
  uow->commit();
}

}  // namespace ih::host::inbox
