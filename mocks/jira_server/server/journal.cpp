#include "server/journal.h"

#include <algorithm>

#include "common/json.h"
#include "common/path_filter.h"
#include "common/wall_clock.h"

namespace ih::mock {

void Journal::append(const HttpRequest& request, const HttpResponse& response) {
  JournalEntry entry{request.method, request.path, request.rawQuery, request.headers, request.body,
                     response.fault == TransportFault::kNone ? response.status : 0, nowMillis()};
  std::lock_guard lock(mutex_);
  entries_.push_back(std::move(entry));
}

void Journal::clear() {
  std::unique_lock settled(inFlight_);
  std::lock_guard lock(mutex_);
  entries_.clear();
}

std::string Journal::json(const std::string& pathPattern, const std::string& contextPath) const {
  std::unique_lock settled(inFlight_);
  std::lock_guard lock(mutex_);
  json::JsonBuilder out;
  out.beginArray();
  for (const auto& entry : entries_) {
    if (!pathMatches(pathPattern, entry.path, contextPath)) continue;
    out.beginObject().field("method", entry.method).field("path", entry.path).field("query", entry.query)
        .key("headers").beginObject();
    // Duplicate names are joined as HTTP allows, keeping the object flat for tests.
    std::vector<std::pair<std::string, std::string>> merged;
    for (const auto& [name, value] : entry.headers) {
      auto it = std::find_if(merged.begin(), merged.end(), [&](const auto& m) { return m.first == name; });
      if (it == merged.end()) merged.emplace_back(name, value); else it->second += ", " + value;
    }
    for (const auto& [name, value] : merged) out.field(name, value);
    out.endObject().field("body", entry.body).field("status", entry.status).field("time", entry.atMs).endObject();
  }
  out.endArray();
  return out.str();
}

}  // namespace ih::mock
