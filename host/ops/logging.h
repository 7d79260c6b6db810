// host/ops/logging.h - process-wide logging set-up: every Poco logger writes
// to stderr as "2026-11-26T19:38:16.123Z Information ih.http.access: message"
// (ISO-8601 UTC with milliseconds, level, logger name).
//
// Levels (--log-level): trace, debug, info, notice, warning, error, critical,
// fatal (Poco's long names such as "information" work too). Loggers created
// later inherit the channel and level from the root logger. The access log
// (kAccessLogger, one line per request) is written in batches from its own
// thread (access_log.h).
#pragma once

#include <string>

namespace ih::host::ops {

inline constexpr const char* kAccessLogger = "ih.http.access";

// Throws std::invalid_argument for an unknown level name.
void configureLogging(const std::string& level);

// The Poco priority of a level name; throws std::invalid_argument.
int parseLogLevel(const std::string& level);

}  // namespace ih::host::ops
