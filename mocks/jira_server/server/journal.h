// Every Jira request the mock served (control requests excluded), with all its headers —
// Authorization included, so tests can check how the client signed — and the status sent.
//
// A request's entry is never visible later than its effects: a Jira request holds
// recording() from before it is served until its entry is appended, and reading or
// clearing the journal waits for the requests in that window. Otherwise a test that
// saw a ticket change (or its webhook) could read the journal one entry short.
#pragma once

#include <cstdint>
#include <mutex>
#include <shared_mutex>
#include <string>
#include <vector>

#include "common/http_types.h"

namespace ih::mock {

struct JournalEntry {
  std::string method;
  std::string path;
  std::string query;
  HeaderList headers;
  std::string body;
  int status = 0;  // 0 when the connection was reset instead
  std::int64_t atMs = 0;
};

class Journal {
 public:
  // Held by one Jira request while it is served and until append() returns;
  // many requests hold it at once.
  std::shared_lock<std::shared_mutex> recording() { return std::shared_lock(inFlight_); }
  void append(const HttpRequest& request, const HttpResponse& response);
  void clear();
  // JSON array; pathPattern (exact or trailing '*', Jira-relative or full) filters entries.
  std::string json(const std::string& pathPattern, const std::string& contextPath) const;

 private:
  mutable std::shared_mutex inFlight_;  // shared: requests being served; exclusive: readers
  mutable std::mutex mutex_;             // entries_
  std::vector<JournalEntry> entries_;
};

}  // namespace ih::mock
