#include "app/host_options.h"

#include <charconv>
#include <filesystem>
#include <stdexcept>

#include "ops/logging.h"

namespace ih::host::app {

namespace {

int64_t parseInteger(const std::string& name, const std::string& text, int64_t min, int64_t max) {
  int64_t value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || value < min || value > max) {
    throw std::invalid_argument("invalid value for --" + name + ": '" + text + "' (expected an integer from " +
                                std::to_string(min) + " to " + std::to_string(max) + ")");
  }
  return value;
}

std::string trimSlashes(std::string url) {
  while (!url.empty() && url.back() == '/') url.pop_back();
  return url;
}

}  // namespace

const std::vector<OptionSpec>& hostOptionSpecs() {
  static const std::vector<OptionSpec> specs = {
      {"bind", "ADDR", "listen address (default 127.0.0.1)"},
      {"port", "N", "listen port; 0 picks a free port (default 8080)"},
      {"data-dir", "DIR", "database and generated secrets (default ./var)"},
      {"database", "URL", "sqlite:PATH or postgresql://user:pass@host:port/db (default sqlite:<data-dir>/host.db)"},
      {"durability", "MODE",
       "durable: no answer before its writes are fsynced; relaxed: SQLite answers before the fsync, so a power "
       "loss may drop acknowledged writes (default durable)"},
      {"webhook-apply", "MODE",
       "inline: a webhook is applied before its answer; deferred: a webhook a plugin accepts is answered once "
       "it is stored (durably) and applied after, in batches (default deferred)"},
      {"plugins-dir", "DIR", "scanned at start-up for *.so (default <binary dir>/../plugins)"},
      {"public-url", "URL", "absolute URL prefix for webhook and callback URLs (default http://<bind>:<port>)"},
      {"admin-token", "TOKEN",
       "superuser bearer token (default env INTEGRATION_HOST_ADMIN_TOKEN, else <data-dir>/admin-token)"},
      {"workers", "N", "background job workers (default: number of cores)"},
      {"secret-key-file", "FILE",
       "key sealing stored credentials, the same file on every host of a database (default env "
       "INTEGRATION_HOST_SECRET_KEY_FILE, else <data-dir>/secret-key)"},
      {"log-level", "LEVEL", "trace, debug, info, notice, warning, error, critical or fatal (default info)"},
      {"max-body-bytes", "N", "largest accepted request body (default 1048576)"},
      {"http-threads", "N", "HTTP event loops, one thread each: requests answered at once (default 16)"},
      {"header-timeout-ms", "N", "a request whose headers and body are not complete in time is closed (default 10000)"},
      {"reconcile-interval-s", "N",
       "how often linked tickets are compared with Jira; 0 = never, on demand only (default 900)"},
      {"keep-alive-timeout-ms", "N", "an idle kept-alive HTTP connection is closed after it (default 5000)"},
      {"max-connections", "N", "open HTTP connections; more are answered 503 and closed (default 1024)"},
      {"plugin-call-timeout-ms", "N",
       "a plugin hook call still running after it is abandoned: 503, or the job retried (default 10000)"},
      {"integration-cache-ttl-ms", "N",
       "how long a webhook's integration and assignee lookups are kept at most; changes empty them at once, "
       "on every host "
       "(default 2000; 0 = no cache)"},
      {"plugin-calls", "MODE",
       "inline (default): a thread-safe plugin's hooks run on the HTTP loop's thread, bounded by a watcher; "
       "pooled: every hook call is handed to the plugin-call pool"},
      {"shutdown-grace-ms", "N", "how long SIGTERM waits for in-flight requests (default 10000)"},
      {"job-max-attempts", "N", "tries of a background job before it is dead-lettered (default 8)"},
      {"job-retry-base-ms", "N", "first retry delay; doubles per attempt, with jitter (default 1000)"},
      {"job-retry-max-ms", "N", "longest delay between two tries (default 300000)"},
      {"job-lease-ms", "N",
       "a claimed job's lease, renewed while it runs; any host re-queues it once expired (default 30000)"},
      {"tls-ca-file", "FILE", "PEM CA certificates trusted for outbound https besides the system's"},
      {"outbound-deny", "CIDR,...",
       "networks plugins' outbound calls may not reach, checked after DNS (default "
       "169.254.0.0/16,fe80::/10,0.0.0.0/8; \"\" denies nothing)"},
      {"web-dir", "DIR", "the web app's static files (default <binary dir>/../web)"},
      {"session-idle-timeout-s", "N", "browser sessions end after this many seconds unused (default 28800)"},
  };
  return specs;
}

HostOptions resolveHostOptions(const std::function<std::optional<std::string>(const std::string&)>& lookup,
                               const std::string& executableDir, unsigned hardwareThreads) {
  HostOptions o;
  if (auto v = lookup("bind")) o.bind = *v;
  if (o.bind.empty()) throw std::invalid_argument("invalid value for --bind: empty address");
  if (auto v = lookup("port")) o.port = static_cast<uint16_t>(parseInteger("port", *v, 0, 65535));
  if (auto v = lookup("data-dir")) o.dataDir = *v;
  if (o.dataDir.empty()) throw std::invalid_argument("invalid value for --data-dir: empty path");
  o.databaseUrl = lookup("database").value_or("sqlite:" + (std::filesystem::path(o.dataDir) / "host.db").string());
  if (auto v = lookup("durability")) {
    if (*v != "durable" && *v != "relaxed") {
      throw std::invalid_argument("invalid value for --durability: '" + *v + "' (expected durable or relaxed)");
    }
    o.durableCommits = *v == "durable";
  }
  if (auto v = lookup("webhook-apply")) {
    if (*v != "deferred" && *v != "inline") {
      throw std::invalid_argument("invalid value for --webhook-apply: '" + *v + "' (expected deferred or inline)");
    }
    o.deferredWebhooks = *v == "deferred";
  }
  o.pluginsDir =
      lookup("plugins-dir").value_or((std::filesystem::path(executableDir) / ".." / "plugins").lexically_normal().string());
  o.publicUrl = trimSlashes(lookup("public-url").value_or(""));
  if (!o.publicUrl.empty() && o.publicUrl.rfind("http://", 0) != 0 && o.publicUrl.rfind("https://", 0) != 0) {
    throw std::invalid_argument("invalid value for --public-url: '" + o.publicUrl + "' (expected http:// or https://)");
  }
  o.adminToken = lookup("admin-token");
  if (o.adminToken && o.adminToken->empty()) throw std::invalid_argument("invalid value for --admin-token: empty");
  if (auto v = lookup("secret-key-file")) {
    if (v->empty()) throw std::invalid_argument("invalid value for --secret-key-file: empty path");
    o.secretKeyFile = *v;
  }
  o.workers = static_cast<int>(hardwareThreads == 0 ? 1 : hardwareThreads);
  if (auto v = lookup("workers")) o.workers = static_cast<int>(parseInteger("workers", *v, 1, 256));
  if (auto v = lookup("log-level")) o.logLevel = *v;
  ops::parseLogLevel(o.logLevel);  // throws std::invalid_argument for a bad level
  if (auto v = lookup("max-body-bytes")) {
    o.maxBodyBytes = static_cast<size_t>(parseInteger("max-body-bytes", *v, 1, int64_t{1} << 34));
  }
  if (auto v = lookup("http-threads")) o.httpThreads = static_cast<int>(parseInteger("http-threads", *v, 1, 1024));
  if (auto v = lookup("reconcile-interval-s")) {
    o.reconcileIntervalS = static_cast<int>(parseInteger("reconcile-interval-s", *v, 0, 31 * 24 * 3600));
  }
  if (auto v = lookup("header-timeout-ms")) {
    o.headerTimeoutMs = static_cast<int>(parseInteger("header-timeout-ms", *v, 1, 600000));
  }
  if (auto v = lookup("keep-alive-timeout-ms")) {
    o.keepAliveTimeoutMs = static_cast<int>(parseInteger("keep-alive-timeout-ms", *v, 1, 600000));
  }
  if (auto v = lookup("max-connections")) {
    o.maxConnections = static_cast<int>(parseInteger("max-connections", *v, 1, 1000000));
  }
  if (auto v = lookup("plugin-call-timeout-ms")) {
    o.pluginCallTimeoutMs = static_cast<int>(parseInteger("plugin-call-timeout-ms", *v, 1, 3600000));
  }
  if (auto v = lookup("integration-cache-ttl-ms")) {
    o.integrationCacheTtlMs = static_cast<int>(parseInteger("integration-cache-ttl-ms", *v, 0, 3600000));
  }
  if (auto v = lookup("plugin-calls")) {
    if (*v != "inline" && *v != "pooled") {
      throw std::invalid_argument("invalid value for --plugin-calls: '" + *v + "' (expected inline or pooled)");
    }
    o.pluginCallsInline = *v == "inline";
  }
  if (auto v = lookup("shutdown-grace-ms")) {
    o.shutdownGraceMs = static_cast<int>(parseInteger("shutdown-grace-ms", *v, 0, 600000));
  }
  if (auto v = lookup("job-max-attempts")) {
    o.retry.maxAttempts = static_cast<uint32_t>(parseInteger("job-max-attempts", *v, 1, 1000));
  }
  // The contract wants a failed outbound call retried within 5 s.
  if (auto v = lookup("job-retry-base-ms")) o.retry.baseDelayMs = parseInteger("job-retry-base-ms", *v, 1, 5000);
  if (auto v = lookup("job-retry-max-ms")) {
    o.retry.maxDelayMs = parseInteger("job-retry-max-ms", *v, o.retry.baseDelayMs, int64_t{24} * 3600 * 1000);
  }
  // Renewed every lease/3: below a second renewals would crowd the database.
  if (auto v = lookup("job-lease-ms")) o.jobLeaseMs = parseInteger("job-lease-ms", *v, 1000, int64_t{3600} * 1000);
  if (auto v = lookup("tls-ca-file")) {
    if (v->empty() || !std::filesystem::is_regular_file(*v)) {
      throw std::invalid_argument("invalid value for --tls-ca-file: '" + *v + "' is not a file");
    }
    o.tlsCaFile = *v;
  }
  if (auto v = lookup("outbound-deny")) {
    try {
      http::AddressDenyList::parse(*v);
    } catch (const std::invalid_argument& e) {
      throw std::invalid_argument(std::string("invalid value for --outbound-deny: ") + e.what());
    }
    o.outboundDeny = *v;
  }
  o.webDirGiven = lookup("web-dir").has_value();
  o.webDir =
      lookup("web-dir").value_or((std::filesystem::path(executableDir) / ".." / "web").lexically_normal().string());
  if (o.webDirGiven && !std::filesystem::is_regular_file(std::filesystem::path(o.webDir) / "index.html")) {
    throw std::invalid_argument("invalid value for --web-dir: '" + o.webDir + "' has no index.html");
  }
  if (auto v = lookup("session-idle-timeout-s")) {
    o.sessionIdleTimeoutMs = parseInteger("session-idle-timeout-s", *v, 1, int64_t{30} * 24 * 3600) * 1000;
  }
  return o;
}

std::string listeningUrl(const std::string& bind, uint16_t port) {
  const bool ipv6 = bind.find(':') != std::string::npos;
  return "http://" + (ipv6 ? "[" + bind + "]" : bind) + ":" + std::to_string(port);
}

}  // namespace ih::host::app
