// host/storage/inbox_repository.cpp - see inbox_repository.h.
#include "storage/inbox_repository.h"

#include <algorithm>
#include <charconv>
#include <optional>
#include <stdexcept>

#include "common/base64.h"
#include "common/zlib_inflate.h"
#include "common/zstd_frame.h"
#include "storage/dialect.h"
#include "storage/query.h"
#include "storage/row_sealer.h"
#include "storage/unit_of_work.h"

namespace ih::host::storage {

namespace {

// Netstrings ("<length>:<bytes>"): header values are the sender's bytes, so
// no separator can be assumed absent from them.
void appendNetstring(std::string& packed, std::string_view part) {
  packed += std::to_string(part.size());
  packed += ':';
  packed += part;
}

// Name then value, for each header.
std::string packHeaders(const std::vector<std::pair<std::string, std::string>>& headers) {
  std::string packed;
  for (const auto& [name, value] : headers) {
    appendNetstring(packed, name);
    appendNetstring(packed, value);
  }
  return packed;
}

std::string encodeHeaders(const std::vector<std::pair<std::string, std::string>>& headers) {
  return base64Encode(packHeaders(headers));
}

// A sealed row's path column: the path, query and headers are sealed
// together, in one AES-GCM message in the headers column (one seal per
// acknowledgement and one open per application, rather than three of each).
// A plaintext path starts with '/'.
constexpr std::string_view kSealedRouteMark = "(sealed)";

std::optional<std::string> takeNetstring(std::string_view& rest) {
  const size_t colon = rest.find(':');
  if (colon == std::string_view::npos || colon == 0 || colon > 9) return std::nullopt;
  size_t length = 0;
  for (char digit : rest.substr(0, colon)) {
    if (digit < '0' || digit > '9') return std::nullopt;
    length = length * 10 + static_cast<size_t>(digit - '0');
  }
  if (rest.size() - colon - 1 < length) return std::nullopt;
  std::string value(rest.substr(colon + 1, length));
  rest.remove_prefix(colon + 1 + length);
  return value;
}

// Only this host writes the column, so a row that does not decode was
// damaged in the database: refusing it beats applying a different request.
std::vector<std::pair<std::string, std::string>> unpackHeaders(int64_t id, std::string_view rest) {
  std::vector<std::pair<std::string, std::string>> headers;
  while (!rest.empty()) {
    std::optional<std::string> name = takeNetstring(rest);
    std::optional<std::string> value = name ? takeNetstring(rest) : std::nullopt;
    if (!value) throw std::runtime_error("webhook_inbox " + std::to_string(id) + ": headers are damaged");
    headers.emplace_back(std::move(*name), std::move(*value));
  }
  return headers;
}

std::vector<std::pair<std::string, std::string>> decodeHeaders(int64_t id, const std::string& text) {
  const std::optional<std::string> packed = base64Decode(text);
  if (!packed) throw std::runtime_error("webhook_inbox " + std::to_string(id) + ": headers are not base64");
  return unpackHeaders(id, *packed);
}

// A compressed body is stored `<mark><size>:<base64>`: zstd since Round 18
// of issue 12, zlib before it (rows an older host may have left).
constexpr char kZstdBodyMark = 's';
constexpr char kZlibBodyMark = 'z';

std::string decodeBody(int64_t id, const std::string& text) {
  const auto damaged = [id](const char* what) {
    return std::runtime_error("webhook_inbox " + std::to_string(id) + ": body " + what);
  };
  const char mark = text.empty() ? '\0' : text.front();
  if (mark != kZstdBodyMark && mark != kZlibBodyMark) {  // stored by a host before bodies were compressed
    std::optional<std::string> body = base64Decode(text);
    if (!body) throw damaged("is not base64");
    return std::move(*body);
  }
  const size_t colon = text.find(':');
  size_t size = 0;
  const auto [end, error] = std::from_chars(text.data() + 1, text.data() + std::min(colon, text.size()), size);
  if (colon == std::string::npos || colon == 1 || error != std::errc() || end != text.data() + colon) {
    throw damaged("has no size");
  }
  const std::optional<std::string> compressed = base64Decode(std::string_view(text).substr(colon + 1));
  if (!compressed) throw damaged("is not base64");
  std::optional<std::string> body =
      mark == kZstdBodyMark ? decompressFrame(*compressed, size) : inflateBytes(*compressed, size);
  if (!body) throw damaged("does not decompress to its size");
  return std::move(*body);
}

// The path, query and headers of a row: sealed together (kSealedRouteMark),
// or in plaintext (a row of an older host, or of a host without a key).
void readRoute(InboxRequest& request, const Row& row, const RowSealer* sealer) {
  const auto failure = [&request](const std::string& what) {
    return std::runtime_error("webhook_inbox " + std::to_string(request.id) + ": " + what);
  };
  if (row.text(3) != kSealedRouteMark) {
    request.path = row.text(3);
    request.query = row.text(4);
    request.headers = decodeHeaders(request.id, row.text(5));
    return;
  }
  if (sealer == nullptr) throw failure("sealed, and this reader holds no key");
  std::string opened;
  try {
    opened = sealer->open(row.text(5));
  } catch (const std::runtime_error&) {
    throw failure("sealed with another key, or damaged");
  }
  std::string_view rest = opened;
  std::optional<std::string> path = takeNetstring(rest);
  std::optional<std::string> query = path ? takeNetstring(rest) : std::nullopt;
  if (!query) throw failure("its sealed route is damaged");
  request.path = std::move(*path);
  request.query = std::move(*query);
  request.headers = unpackHeaders(request.id, rest);
}

std::vector<InboxRequest> decodeRequests(const std::vector<Row>& rows, const RowSealer* sealer) {
  std::vector<InboxRequest> requests;
  requests.reserve(rows.size());
  for (const Row& row : rows) {
    InboxRequest request;
    request.id = row.int64(0);
    request.pluginKey = row.text(1);
    request.method = row.text(2);
    try {
      readRoute(request, row, sealer);
      request.body = decodeBody(request.id, row.text(6));
    } catch (const std::runtime_error& unreadable) {
      request.path.clear();
      request.query.clear();
      request.headers.clear();
      request.body.clear();
      request.unreadable = unreadable.what();
    }
    request.receivedAt = row.int64(7);
    request.attempts = static_cast<int>(row.int64(8));
    requests.push_back(std::move(request));
  }
  return requests;
}

// A claim looks at a window of ids at a time. A queue table's statistics are
// always stale (it fills and empties between two ANALYZEs): with none,
// PostgreSQL takes `dead = 0` to match 0.5 % of the rows and, believing few
// rows due, fetched and sorted every pending row for each claim of eight:
// 100 ms per claim at 8 000 pending (auto_explain; docs/benchmarks.md
// "Round 8"). A window bounds what any plan can touch. It is twice what the
// appliers of two hosts hold at once (8 threads x 8 rows each), so a window
// all locked by others is rare, and then passed over.
constexpr int64_t kClaimWindowIds = 256;
constexpr int kClaimWindows = 8;

}  // namespace

std::string InboxRepository::encodeBody(std::string_view body) {
  return kZstdBodyMark + std::to_string(body.size()) + ':' + base64Encode(compressFrame(body));
}

void InboxRepository::sealForStorage(InboxRequest& request, const RowSealer& sealer) {
  if (request.encodedBody.empty()) request.encodedBody = encodeBody(request.body);
  std::string route;
  appendNetstring(route, request.path);
  appendNetstring(route, request.query);
  request.encodedHeaders = sealer.seal(route + packHeaders(request.headers));
  request.path = kSealedRouteMark;
  request.query.clear();
}

int64_t InboxRepository::append(const InboxRequest& request) { return appendAll({request}); }

int64_t InboxRepository::appendAll(const std::vector<InboxRequest>& requests) {
  if (requests.empty()) return 0;
  uow_.beginWrite();
  int64_t newest = 0;
  for (size_t first = 0; first < requests.size(); first += kAppendRowsPerStatement) {
    const size_t count = std::min(kAppendRowsPerStatement, requests.size() - first);
    Query query(uow_,
                "INSERT INTO webhook_inbox (plugin_key, method, path, query, headers, body, received_at) VALUES " +
                    placeholderRows(7, count) + " RETURNING id");
    for (size_t i = first; i < first + count; ++i) {
      InboxRequest sealed;
      const bool sealHere = sealer_ != nullptr && requests[i].encodedHeaders.empty();
      if (sealHere) {
        sealed = requests[i];
        sealForStorage(sealed, *sealer_);
      }
      const InboxRequest& request = sealHere ? sealed : requests[i];
      query.bind(request.pluginKey)
          .bind(request.method)
          .bind(request.path)
          .bind(request.query)
          .bind(request.encodedHeaders.empty() ? encodeHeaders(request.headers) : request.encodedHeaders)
          .bind(request.encodedBody.empty() ? encodeBody(request.body) : request.encodedBody)
          .bind(request.receivedAt);
    }
    for (const Row& row : query.rows()) newest = std::max(newest, row.int64(0));
  }
  return newest;
}

std::vector<InboxRequest> InboxRepository::takeDue(int64_t now, size_t limit, int64_t afterId) {
  uow_.beginWrite();
  int64_t from = afterId;
  for (int window = 0; window < kClaimWindows; ++window) {
    const auto rows = Query(uow_, std::string("SELECT id, plugin_key, method, path, query, headers, body,"
                                              " received_at, attempts FROM webhook_inbox WHERE id > ? AND id <= ?"
                                              " AND dead = 0 AND retry_at <= ? ORDER BY id LIMIT ?") +
                                      uow_.dialect().lockSkippingLocked())
                          .bind(from)
                          .bind(from + kClaimWindowIds)
                          .bind(now)
                          .bind(static_cast<int64_t>(limit))
                          .rows();
    if (!rows.empty()) return decodeRequests(rows, sealer_);
    // Nothing to take in the window (applied, held by another applier, or
    // waiting for a retry): go on from the next due row past it.
    const std::optional<Row> next =
        Query(uow_, "SELECT min(id) FROM webhook_inbox WHERE id > ? AND dead = 0 AND retry_at <= ?")
            .bind(from + kClaimWindowIds)
            .bind(now)
            .one();
    if (!next || next->isNull(0)) break;
    from = next->int64(0) - 1;
  }
  return {};
}

void InboxRepository::remove(const std::vector<int64_t>& ids) {
  if (ids.empty()) return;
  uow_.beginWrite();
  // Ids arrive in order and are taken in order, so most batches are a range.
  if (ids.back() - ids.front() + 1 == static_cast<int64_t>(ids.size())) {
    Query(uow_, "DELETE FROM webhook_inbox WHERE id BETWEEN ? AND ?")
        .bind(ids.front())
        .bind(ids.back())
        .executeWithNext();
    return;
  }
  // Appliers beside each other (SKIP LOCKED) take ids with gaps: one
  // statement per few ids, with at most kIdsPerDelete shapes of it to prepare.
  constexpr size_t kIdsPerDelete = 16;
  for (size_t from = 0; from < ids.size(); from += kIdsPerDelete) {
    const size_t count = std::min(kIdsPerDelete, ids.size() - from);
    std::string sql = "DELETE FROM webhook_inbox WHERE id IN (?";
    for (size_t i = 1; i < count; ++i) sql += ", ?";
    Query query(uow_, sql + ")");
    for (size_t i = from; i < from + count; ++i) query.bind(ids[i]);
    query.executeWithNext();
  }
}

void InboxRepository::recordFailure(int64_t id, int attempts, int64_t retryAt, const std::string& error, bool dead) {
  uow_.beginWrite();
  Query(uow_, "UPDATE webhook_inbox SET attempts = ?, retry_at = ?, last_error = ?, dead = ? WHERE id = ?")
      .bind(attempts)
      .bind(retryAt)
      .bind(error)
      .bind(dead)
      .bind(id)
      .execute();
}

std::vector<InboxEntry> InboxRepository::list(bool dead, int64_t afterId, size_t limit) {
  std::vector<InboxEntry> entries;
  for (const Row& row : Query(uow_,
                              "SELECT id, plugin_key, method, path, received_at, attempts, retry_at, last_error, dead"
                              " FROM webhook_inbox WHERE dead = ? AND id > ? ORDER BY id LIMIT ?")
                            .bind(dead)
                            .bind(afterId)
                            .bind(static_cast<int64_t>(limit))
                            .rows()) {
    InboxEntry entry;
    entry.id = row.int64(0);
    entry.pluginKey = row.text(1);
    entry.method = row.text(2);
    entry.path = row.text(3);
    entry.receivedAt = row.int64(4);
    entry.attempts = static_cast<int>(row.int64(5));
    entry.retryAt = row.int64(6);
    entry.lastError = row.optText(7);
    entry.dead = row.int64(8) != 0;
    entries.push_back(std::move(entry));
  }
  return entries;
}

bool InboxRepository::revive(int64_t id) {
  uow_.beginWrite();
  return Query(uow_, "UPDATE webhook_inbox SET dead = 0, attempts = 0, retry_at = 0 WHERE id = ? AND dead = 1")
             .bind(id)
             .execute() > 0;
}

bool InboxRepository::discard(int64_t id) {
  uow_.beginWrite();
  return Query(uow_, "DELETE FROM webhook_inbox WHERE id = ? AND dead = 1").bind(id).execute() > 0;
}

int64_t InboxRepository::pending() {
  return Query(uow_, "SELECT COUNT(*) FROM webhook_inbox WHERE dead = 0").scalarInt64();
}

int64_t InboxRepository::dead() {
  return Query(uow_, "SELECT COUNT(*) FROM webhook_inbox WHERE dead = 1").scalarInt64();
}

}  // namespace ih::host::storage
