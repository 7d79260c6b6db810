// tests/host_fixture/log_capture.h - records every Poco log line while it
// lives, for tests that assert on what was (or was not) logged.
//
// Construction routes all loggers (existing and new) to the capture at
// debug level; destruction restores the root logger's previous channel and
// level. Thread-safe. One capture at a time.
#pragma once

#include <Poco/AutoPtr.h>
#include <Poco/Channel.h>
#include <Poco/Message.h>

#include <mutex>
#include <string>
#include <vector>

namespace ih::test {

struct CapturedLine {
  std::string source;  // the logger's name
  Poco::Message::Priority priority;
  std::string text;
};

class LogCapture {
 public:
  LogCapture();
  ~LogCapture();
  LogCapture(const LogCapture&) = delete;
  LogCapture& operator=(const LogCapture&) = delete;

  std::vector<CapturedLine> lines() const;
  // Lines whose text contains `needle` (at or above `atLeast`).
  std::vector<CapturedLine> matching(const std::string& needle,
                                     Poco::Message::Priority atLeast = Poco::Message::PRIO_TRACE) const;
  size_t count(const std::string& needle) const { return matching(needle).size(); }
  void clear();
  // Everything captured, one line each, for failure messages.
  std::string dump() const;

 private:
  class Sink;
  Poco::AutoPtr<Sink> sink_;
  Poco::AutoPtr<Poco::Channel> previousChannel_;
  int previousLevel_ = 0;
};

}  // namespace ih::test
