// host/plugins/host_api_log.cpp - ihp_host_api: log, counter_add, now_ms.
#include <Poco/Logger.h>

#include <algorithm>
#include <chrono>
#include <cmath>

#include "common/clock.h"
#include "ops/metrics.h"
#include "plugins/host_api_guard.h"
#include "plugins/host_api_services.h"
#include "plugins/host_services.h"

namespace ih::host::plugins::api {

namespace {

constexpr size_t kMaxLogLine = 4096;

// One plugin log call is one log line, whatever the plugin put in it.
std::string oneLine(std::string_view message) {
  std::string line(message.substr(0, kMaxLogLine));
  std::replace_if(line.begin(), line.end(), [](char c) { return c == '\n' || c == '\r'; }, ' ');
  if (message.size() > kMaxLogLine) line += "...";
  return line;
}

bool validMetricPart(std::string_view name, bool allowLeadingDigit) {
  if (name.empty() || name.size() > 64) return false;
  if (!allowLeadingDigit && std::isdigit(static_cast<unsigned char>(name[0]))) return false;
  return std::all_of(name.begin(), name.end(),
                     [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; });
}

void log(ihp_host_ctx* ctx, int32_t level, ihp_str message) {
  guardedVoid(ctx, "log", [&] {
    // The SDK logs with a NULL ctx from shutdown: attribute it generically.
    std::string source = ctx != nullptr && ctx->plugin != nullptr ? "plugin." + ctx->plugin->key : "plugin";
    Poco::Logger& logger = Poco::Logger::get(source);
    std::string line = oneLine(text(message, "message"));
    if (level <= IHP_LOG_DEBUG) logger.debug(line);
    else if (level <= IHP_LOG_INFO) logger.information(line);
    else if (level <= IHP_LOG_WARNING) logger.warning(line);
    else logger.error(line);
  });
}

void counterAdd(ihp_host_ctx* ctx, ihp_str name, ihp_str labelName, ihp_str labelValue, double delta) {
  guardedVoid(ctx, "counter_add", [&] {
    ihp_host_ctx& c = context(ctx);
    std::string_view metric = text(name, "name");
    if (!validMetricPart(metric, true)) throw AbiViolation("counter name must match [A-Za-z0-9_]{1,64}");
    if (!std::isfinite(delta) || delta < 0) throw AbiViolation("counter delta must be finite and >= 0");
    ops::Labels labels;
    if (auto label = optionalText(labelName, "label_name")) {
      if (!validMetricPart(*label, false) || label->substr(0, 2) == "__") throw AbiViolation("invalid label name");
      labels.emplace_back(std::string(*label), std::string(text(labelValue, "label_value")));
    }
    c.services->metrics.increment("ihp_" + c.plugin->key + "_" + std::string(metric), labels, delta);
  });
}

int64_t nowMs(ihp_host_ctx* ctx) {
  if (ctx != nullptr && ctx->services != nullptr) {
    try {
      return ctx->services->clock.nowMs();
    } catch (...) {
    }
  }
  // No usable context: the wall clock is the only honest answer.
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
      .count();
}

}  // namespace

void installLogServices(ihp_host_api& table) {
  table.log = &log;
  table.counter_add = &counterAdd;
  table.now_ms = &nowMs;
}

}  // namespace ih::host::plugins::api
