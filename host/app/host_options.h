// host/app/host_options.h - the host's settings after the command line and
// the --config file are combined (command line wins, then the file, then the
// defaults of the external contract), validated.
//
// Every option is settable in the file under the option's own name
// ("port = 8080", "data-dir = /var/lib/ih"). Invalid values throw
// std::invalid_argument with a one-line message (the host exits 64).
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>

#include "http/address_deny_list.h"
#include "jobs/retry_policy.h"
#include <vector>

namespace ih::host::app {

struct OptionSpec {
  const char* name;      // --name and the config-file key
  const char* argument;  // placeholder for --help, nullptr = a flag
  const char* help;
};

// Every option the host understands (besides --help and --config).
const std::vector<OptionSpec>& hostOptionSpecs();

struct HostOptions {
  std::string bind = "127.0.0.1";
  uint16_t port = 8080;
  std::string dataDir = "./var";
  std::string databaseUrl;  // default sqlite:<data-dir>/host.db
  bool durableCommits = true;  // --durability durable (default) or relaxed
  bool deferredWebhooks = true;  // --webhook-apply deferred (default) or inline
  std::string pluginsDir;   // default <executable dir>/../plugins
  std::string publicUrl;    // empty = http://<bind>:<real port>, known once listening
  std::optional<std::string> adminToken;  // from --admin-token / the file only
  std::string secretKeyFile;  // default <data-dir>/secret-key (resolved with the environment at start-up)
  int workers = 1;
  std::string logLevel = "info";
  size_t maxBodyBytes = 1024 * 1024;
  int httpThreads = 16;             // HTTP event loops, one thread each
  int headerTimeoutMs = 10000;      // a request's headers and body must arrive within it
  int reconcileIntervalS = 900;     // linked tickets compared with the remote side this often; 0 = never
  int keepAliveTimeoutMs = 5000;    // an idle kept-alive connection is closed after it
  int maxConnections = 1024;        // more are answered 503 and closed
  int integrationCacheTtlMs = 2000;  // --integration-cache-ttl-ms; 0 = every lookup reads the database
  bool pluginCallsInline = true;  // --plugin-calls inline (default) or pooled
  int pluginCallTimeoutMs = 10000;  // a plugin hook call past it is abandoned (503 / job retried)
  int shutdownGraceMs = 10000;
  jobs::RetryPolicy retry;  // outbound sync retries: attempts, first delay, cap
  int64_t jobLeaseMs = 30000;  // a running job unrenewed this long is re-queued by any host
  std::string tlsCaFile;    // more CAs for outbound https (PEM); empty = the system's only
  // Networks plugins' outbound calls may not reach (SSRF), CIDR,...; validated.
  std::string outboundDeny = std::string(http::kDefaultOutboundDeny);
  std::string webDir;       // the web app's files; default <executable dir>/../web
  bool webDirGiven = false;  // --web-dir was set: a missing app is then an error
  int64_t sessionIdleTimeoutMs = 8 * 3600 * 1000;  // browser sessions end after this long unused
};

// `lookup(name)` answers the value given for an option (command line first,
// then the config file), or nullopt.
HostOptions resolveHostOptions(const std::function<std::optional<std::string>(const std::string&)>& lookup,
                               const std::string& executableDir, unsigned hardwareThreads);

// The public URL for a listening address: http://ADDR:PORT ([ADDR] for IPv6).
std::string listeningUrl(const std::string& bind, uint16_t port);

}  // namespace ih::host::app
