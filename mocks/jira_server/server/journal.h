// Every Jira request the mock served (control requests excluded), with all its headers —
// Authorization included, so tests can check how the client signed — and the status sent.
#pragma once

#include <cstdint>
#include <mutex>
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
  void append(const HttpRequest& request, const HttpResponse& response);
  void clear();
  // JSON array; pathPattern (exact or trailing '*', Jira-relative or full) filters entries.
  std::string json(const std::string& pathPattern, const std::string& contextPath) const;

 private:
  mutable std::mutex mutex_;
  std::vector<JournalEntry> entries_;
};

}  // namespace ih::mock
