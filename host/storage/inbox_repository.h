// host/storage/inbox_repository.h - the webhook inbox: requests a plugin
// accepted for later (ihp_request.phase ACCEPT + reply_defer), stored as they
// arrived until a host applies them.
//
// Headers and body are kept base64-encoded: their bytes are the sender's,
// and PostgreSQL's TEXT takes neither NUL nor invalid UTF-8.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace ih::host::storage {

class UnitOfWork;

struct InboxRequest {
  int64_t id = 0;
  std::string pluginKey;
  std::string method;
  std::string path;
  std::string query;
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;
  int64_t receivedAt = 0;
  int attempts = 0;  // failed applications so far
};

class InboxRepository {
 public:
  explicit InboxRepository(UnitOfWork& uow) : uow_(uow) {}

  // Returns the stored request's id (ids grow in arrival order).
  int64_t append(const InboxRequest& request);
  // The oldest live requests due by `now`, in arrival order. On PostgreSQL the
  // rows stay locked by this transaction and other hosts' appliers pass over
  // them, so each request is applied by one host; on SQLite the caller holds
  // the one writer already. Only ids above `afterId`: a queue table's applied
  // rows linger as dead index entries until VACUUM, and an applier that
  // knows where it stopped need not step over them again.
  std::vector<InboxRequest> takeDue(int64_t now, size_t limit, int64_t afterId = 0);
  void remove(const std::vector<int64_t>& ids);
  // A failed application: try again at `retryAt`, or never (`dead`), keeping
  // the request for an operator to look at.
  void recordFailure(int64_t id, int attempts, int64_t retryAt, const std::string& error, bool dead);
  // Requests still to apply, and those given up.
  int64_t pending();
  int64_t dead();

 private:
  UnitOfWork& uow_;
};

}  // namespace ih::host::storage
