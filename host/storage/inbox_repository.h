// host/storage/inbox_repository.h - the webhook inbox: requests a plugin
// accepted for later (ihp_request.phase ACCEPT + reply_defer), stored as they
// arrived until a host applies them.
//
// Headers and body are kept base64-encoded: their bytes are the sender's,
// and PostgreSQL's TEXT takes neither NUL nor invalid UTF-8. The body is
// compressed first (common/zstd_frame.h) and written `s<size>:<base64>`,
// which is a quarter of the bytes an acknowledgement writes and flushes. Rows
// of older hosts (zlib's `z<size>:<base64>`, or plain base64) still read; a
// host older than a row's format finds the mark or the ':' unreadable and
// reports the row unreadable (InboxRequest::unreadable) rather than applying
// other bytes.
//
// With a RowSealer (the host's key), the path, query and headers are sealed
// too, together, in one message (the path column then holds a mark): a
// webhook's path carries its token, a bearer credential that never
// expires, and a copy of the database must not be enough to forge deliveries
// (docs/security.md). A row whose path is plaintext (written by an older host,
// or without a sealer) still reads.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace ih::host::storage {

class RowSealer;
class UnitOfWork;

struct InboxRequest {
  int64_t id = 0;
  std::string pluginKey;
  std::string method;
  std::string path;
  std::string query;
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;
  // `body` as stored (InboxRepository::encodeBody), when the caller made it
  // already: compressing takes ~10 us, better spent on a request's own thread
  // than on the one thread that stores every request (inbox_appender.h).
  std::string encodedBody;
  // The headers as stored, when the caller made them already
  // (InboxRepository::sealForStorage, which also seals path and query).
  std::string encodedHeaders;
  int64_t receivedAt = 0;
  int attempts = 0;  // failed applications so far
  // Set when the stored row could not be read (damaged, or of a newer host's
  // format): headers and body are then empty, never guessed, and the applier
  // fails it like an application, so it is retried, then kept as dead,
  // instead of stopping every request behind it.
  std::string unreadable;
};

// What an operator sees of a stored request: never its headers, body or raw
// path (a webhook's path carries its secret token).
struct InboxEntry {
  int64_t id = 0;
  std::string pluginKey;
  std::string method;
  std::string path;
  int64_t receivedAt = 0;
  int attempts = 0;
  int64_t retryAt = 0;
  std::optional<std::string> lastError;
  bool dead = false;
};

class InboxRepository {
 public:
  // `sealer`: seals what appendAll() stores and opens what takeDue() reads;
  // none for callers that only count, list or change a row's state.
  explicit InboxRepository(UnitOfWork& uow, const RowSealer* sealer = nullptr) : uow_(uow), sealer_(sealer) {}

  // Returns the stored request's id (ids grow in arrival order).
  int64_t append(const InboxRequest& request);
  // Stores `requests` in their order, kAppendRowsPerStatement rows per
  // statement (a round trip each on PostgreSQL); returns the newest id, or
  // 0 for none.
  int64_t appendAll(const std::vector<InboxRequest>& requests);
  static constexpr size_t kAppendRowsPerStatement = 16;
  static std::string encodeBody(std::string_view body);
  // Makes `request` ready to store as appendAll() would, sealed with
  // `sealer`: on the caller's thread, not the one that stores every request.
  static void sealForStorage(InboxRequest& request, const RowSealer& sealer);
  // The oldest live requests due by `now`, in arrival order. On PostgreSQL the
  // rows stay locked by this transaction and other hosts' appliers pass over
  // them, so each request is applied by one host; on SQLite the caller holds
  // the one writer already. Only ids above `afterId`: a queue table's applied
  // rows linger as dead index entries until VACUUM, and an applier that
  // knows where it stopped need not step over them again.
  std::vector<InboxRequest> takeDue(int64_t now, size_t limit, int64_t afterId = 0);
  // Sent with the transaction's next statement or its COMMIT
  // (Query::executeWithNext).
  void remove(const std::vector<int64_t>& ids);
  // A failed application: try again at `retryAt`, or never (`dead`), keeping
  // the request for an operator to look at.
  void recordFailure(int64_t id, int attempts, int64_t retryAt, const std::string& error, bool dead);
  // The oldest requests past `afterId`, given up (`dead`) or still to apply.
  std::vector<InboxEntry> list(bool dead, int64_t afterId, size_t limit);
  // A request given up is due again now, with its attempts reset; false when
  // `id` is no dead request.
  bool revive(int64_t id);
  // A request given up is deleted; false when `id` is no dead request.
  bool discard(int64_t id);
  // Requests still to apply, and those given up.
  int64_t pending();
  int64_t dead();

 private:
  UnitOfWork& uow_;
  const RowSealer* sealer_;
};

}  // namespace ih::host::storage
