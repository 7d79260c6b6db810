// host/storage/unit_of_work.cpp - the backend-independent part of UnitOfWork.
#include "storage/unit_of_work.h"

#include <Poco/Logger.h>

#include <algorithm>
#include <exception>

#include "storage/dialect.h"

namespace ih::host::storage {

std::string UnitOfWork::sql(std::string_view portableSql) const { return dialect().translate(portableSql); }

bool UnitOfWork::noteLockTaken(std::string_view name) {
  if (std::find(locksHeld_.begin(), locksHeld_.end(), name) != locksHeld_.end()) return false;
  locksHeld_.emplace_back(name);
  // Waiting for the lock may have let other transactions commit what a
  // kept read (transactionMemo) did not see: the lock exists so that what
  // is read after it is the latest.
  memos_.clear();
  return true;
}

void UnitOfWork::flushDeferredWrites() {
  for (auto& [type, writes] : deferred_) writes->flush(*this);
}

void UnitOfWork::runAfterCommitHooks() {
  // Hooks run once; a failing hook must not stop the others (they only nudge
  // workers - the committed data is already safe).
  auto hooks = std::move(afterCommit_);
  afterCommit_.clear();
  forgetTransactionState();
  for (auto& hook : hooks) {
    try {
      hook();
    } catch (const std::exception& error) {
      Poco::Logger::get("ih.storage").warning(std::string("after-commit hook failed: ") + error.what());
    }
  }
}

}  // namespace ih::host::storage
