#include "ops/logging.h"

#include <unistd.h>

#include <chrono>
#include <memory>
#include <stdexcept>

#include <Poco/AutoPtr.h>
#include <Poco/ConsoleChannel.h>
#include <Poco/FormattingChannel.h>
#include <Poco/Logger.h>
#include <Poco/Message.h>
#include <Poco/PatternFormatter.h>

#include "ops/access_log.h"

namespace ih::host::ops {

namespace {

// How long an access line may wait for its batch.
constexpr std::chrono::milliseconds kAccessLogFlushEvery{100};

// Destroyed at exit, after main returns: it writes the lines still waiting.
std::unique_ptr<AccessLog>& accessLogSlot() {
  static std::unique_ptr<AccessLog> log;
  return log;
}

}  // namespace

int parseLogLevel(const std::string& level) {
  if (level == "info") return Poco::Message::PRIO_INFORMATION;
  if (level == "warn") return Poco::Message::PRIO_WARNING;
  try {
    return Poco::Logger::parseLevel(level);
  } catch (const Poco::Exception&) {
    throw std::invalid_argument("unknown log level '" + level +
                                "' (use trace, debug, info, notice, warning, error, critical or fatal)");
  }
}

void configureLogging(const std::string& level) {
  const int priority = parseLogLevel(level);
  Poco::AutoPtr<Poco::PatternFormatter> formatter(new Poco::PatternFormatter);
  // %Y-%m-%dT%H:%M:%S.%i in UTC (times=UTC), %p = priority name.
  formatter->setProperty("pattern", "%Y-%m-%dT%H:%M:%S.%iZ %p %s: %t");
  formatter->setProperty("times", "UTC");
  Poco::AutoPtr<Poco::ConsoleChannel> console(new Poco::ConsoleChannel);  // std::clog = stderr
  Poco::AutoPtr<Poco::FormattingChannel> channel(new Poco::FormattingChannel(formatter, console));
  Poco::Logger::root().setChannel(channel);
  // "" applies to every logger that already exists, not just the root.
  Poco::Logger::setChannel("", channel);
  Poco::Logger::setLevel("", priority);
  // The access log writes a line per request, in batches from its own
  // thread (access_log.h), so no request waits on stderr (or on other
  // requests' lines) before its answer goes out. Other loggers stay
  // synchronous, so start-up errors and warnings are written before the
  // process can exit.
  accessLogSlot() = std::make_unique<AccessLog>(STDERR_FILENO, kAccessLogFlushEvery);
}

AccessLog* processAccessLog() { return accessLogSlot().get(); }

}  // namespace ih::host::ops
