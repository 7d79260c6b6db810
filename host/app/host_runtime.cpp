#include "app/host_runtime.h"

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <future>
#include <optional>
#include <string_view>
#include <thread>

#include <Poco/Logger.h>

#include "api/api_services.h"
#include "api/routes.h"
#include "app/data_dir.h"
#include "app/file_limit.h"
#include "app/reconcile_schedule.h"
#include "app/startup_error.h"
#include "auth/bearer_authenticator.h"
#include "auth/password_service.h"
#include "auth/secret_box.h"
#include "auth/session_service.h"
#include "auth/sign_in_throttle.h"
#include "common/clock.h"
#include "domain/directory_service.h"
#include "domain/inbound_sync.h"
#include "domain/sync_log.h"
#include "domain/integration_service.h"
#include "domain/issue_service.h"
#include "domain/outbound_events.h"
#include "domain/pipeline_service.h"
#include "domain/reconcile_starter.h"
#include "domain/sealed_metadata.h"
#include "http/dispatcher.h"
#include "http/outbound_client.h"
#include "http/router.h"
#include "http/server.h"
#include "inbox/webhook_inbox.h"
#include "jobs/job_queue.h"
#include "jobs/worker_pool.h"
#include "ops/health.h"
#include "ops/metrics.h"
#include "plugins/host_services.h"
#include "plugins/plugin_job_runner.h"
#include "plugins/plugin_registry.h"
#include "plugins/uninstall_job_runner.h"
#include "storage/database.h"
#include "storage/dialect.h"
#include "storage/host_settings_repository.h"
#include "web/static_site.h"

namespace ih::host::app {

namespace {

Poco::Logger& appLogger() { return Poco::Logger::get("ih.app"); }

std::unique_ptr<storage::Database> openDatabase(const std::string& url, bool durableCommits) {
  try {
    storage::DatabaseOptions options;
    options.durableCommits = durableCommits;
    std::unique_ptr<storage::Database> database = storage::Database::open(url, options);
    database->migrate();
    return database;
  } catch (const std::exception& e) {
    throw StartupError(kExitUnavailable, std::string("database unavailable: ") + e.what());
  }
}

// --secret-key-file, else the environment, else the data dir's own file.
std::string secretKeyPath(const HostOptions& options) {
  if (!options.secretKeyFile.empty()) return options.secretKeyFile;
  const char* fromEnvironment = std::getenv("INTEGRATION_HOST_SECRET_KEY_FILE");
  if (fromEnvironment != nullptr && *fromEnvironment != '\0') return fromEnvironment;
  return (std::filesystem::path(options.dataDir) / "secret-key").string();
}

auth::SecretBox openSecretBox(const std::string& path) {
  try {
    return auth::SecretBox::fromKeyFile(path);
  } catch (const std::exception& e) {
    throw StartupError(kExitCantCreate, std::string("cannot load the secret key: ") + e.what());
  }
}

// The first host records its key's check value; a host with another key
// would seal credentials the others cannot open (and fail to open theirs),
// so it does not start.
void checkSecretKey(storage::Database& database, const auth::SecretBox& secrets, const std::string& path) {
  std::string recorded;
  const std::string ours = secrets.keyCheckValue();
  try {
    auto uow = database.begin();
    recorded = storage::HostSettingsRepository(*uow).putIfAbsent("secret_key_check", ours, SystemClock().nowMs());
    uow->commit();
  } catch (const std::exception& e) {
    throw StartupError(kExitUnavailable, std::string("database unavailable: ") + e.what());
  }
  if (recorded != ours) {
    throw StartupError(kExitConfig, "the secret key in " + path +
                                        " is not the key this database's credentials are sealed with;"
                                        " give every host the same --secret-key-file");
  }
}

// Integration metadata holds webhook secrets, and a database an older host
// wrote keeps them in plaintext: they are sealed before any request is served.
void sealPlaintextMetadata(storage::Database& database, const auth::SecretBox& secrets) {
  int sealed = 0;
  try {
    auto uow = database.begin();
    sealed = domain::resealPlaintextMetadata(*uow, secrets);
    uow->commit();
  } catch (const std::exception& e) {
    throw StartupError(kExitUnavailable, std::string("cannot seal stored integration metadata: ") + e.what());
  }
  if (sealed > 0) appLogger().information("sealed the metadata of %d integration(s) stored in plaintext", sealed);
}

// A new key file is fsynced, and so is the new database's schema: each is a
// wait for the disk (over 100 ms on a busy one). They do not depend on each
// other, so the key is made while the database opens; both are done before
// anything can seal a secret.
std::future<auth::SecretBox> openSecretBoxMeanwhile(const std::string& keyPath) {
  return std::async(std::launch::async, openSecretBox, keyPath);
}

AdminToken adminToken(const HostOptions& options) {
  AdminToken token = resolveAdminToken(options.adminToken, std::getenv("INTEGRATION_HOST_ADMIN_TOKEN"), options.dataDir);
  appLogger().information("admin token from %s", token.source);
  return token;
}

// A CA file that exists but holds no certificate is a bad option too.
std::unique_ptr<http::PocoOutboundClient> openOutboundClient(const HostOptions& options) {
  try {
    auto client = std::make_unique<http::PocoOutboundClient>(http::TlsTrust{options.tlsCaFile},
                                                             http::AddressDenyList::parse(options.outboundDeny));
    if (!options.tlsCaFile.empty()) {
      appLogger().information("outbound https also trusts the CAs in %s", options.tlsCaFile);
    }
    return client;
  } catch (const std::invalid_argument& e) {
    throw StartupError(kExitUsage, std::string("invalid value for --tls-ca-file: ") + e.what());
  }
}

// Failed sign-ins: five per account or thirty per address (an office behind
// one NAT address) in fifteen minutes, then wait.
constexpr auth::ThrottleLimit kPerAccountSignIns{5, 15 * 60 * 1000};
constexpr auth::ThrottleLimit kPerAddressSignIns{30, 15 * 60 * 1000};

web::StaticSite openWebApp(const HostOptions& options) {
  web::StaticSite site(options.webDir);
  if (site.available()) {
    appLogger().information("web app from %s", site.root().string());
  } else {
    appLogger().warning("no web app in %s (no index.html): the API is served without it", options.webDir);
  }
  return site;
}

// Descriptors the host needs besides its HTTP connections: the database
// pool, plugins' outbound connections, log and data files.
constexpr long kOtherDescriptors = 256;

http::ServerOptions serverOptions(const HostOptions& options) {
  http::ServerOptions s;
  s.bindAddress = options.bind;
  s.port = options.port;
  s.threads = options.httpThreads;
  s.headerTimeoutMs = options.headerTimeoutMs;
  s.keepAliveTimeoutMs = options.keepAliveTimeoutMs;
  s.maxConnections = options.maxConnections;
  // Past the descriptor limit accept() fails and nobody gets the clear 503.
  const long limit = raiseOpenFileLimit(options.maxConnections + kOtherDescriptors);
  if (limit - kOtherDescriptors < options.maxConnections) {
    s.maxConnections = static_cast<int>(std::max(16L, limit - kOtherDescriptors));
    appLogger().warning("the open-file limit is %ld: serving at most %d connections instead of --max-connections %d",
                        limit, s.maxConnections, options.maxConnections);
  }
  return s;
}

// Every caller that can wait on a plugin at once (HTTP threads, with the
// extra ones a waiting thread may start, and job workers), plus room for
// calls abandoned at their deadline and still stuck in plugin code.
constexpr size_t kStuckPluginCallAllowance = 64;

plugins::PluginCallPolicy pluginCallPolicy(const HostOptions& options) {
  plugins::PluginCallPolicy policy;
  policy.timeout = std::chrono::milliseconds(options.pluginCallTimeoutMs);
  policy.inlineCalls = options.pluginCallsInline;
  policy.threads = static_cast<size_t>(2 * options.httpThreads + options.workers) + kStuckPluginCallAllowance;
  return policy;
}

constexpr const char* kDatabaseRoundTrips = "ih_database_round_trips_total";

// On PostgreSQL: an applier per core, two to four of the pool's 16
// connections (the rest stay with the requests). An applier spends most of
// a delivery's time on the server's work, not waiting for it: with 2.8
// round trips a delivery, two appliers on this 2-core machine applied 6 %
// more than four, at 13 % less of PostgreSQL's CPU per delivery
// (docs/benchmarks.md, issue 11 "Round 14"). A batch may hold a ticket's
// rows (the inbound sync locks them) for its budget, and waits for another
// batch's at most a few budgets (InboxOptions::batchLockWait). Budgets of
// 2 ms made batches of one request, each paying its own claim and commit
// (Round 9).
inbox::InboxOptions inboxOptions(const storage::Database& database, const auth::SecretBox& secrets) {
  inbox::InboxOptions options;
  options.sealer = &secrets;  // a webhook's path carries its token
  if (std::string_view(database.dialect().name()) == "postgresql") {
    options.appliers = std::clamp(static_cast<int>(std::thread::hardware_concurrency()), 2, 4);
    options.batchSize = 16;
    options.batchBudget = std::chrono::milliseconds(20);
    options.batchLockWait = std::chrono::milliseconds(50);
    options.yieldWithinBatch = false;  // acknowledgements take no lock a batch holds
  }
  return options;
}

}  // namespace

// Members are declared in start-up order; they are destroyed in reverse.
struct HostRuntime::Parts {
  HostOptions options;
  AdminToken admin;
  std::future<auth::SecretBox> secretsLoading;
  std::unique_ptr<storage::Database> database;
  auth::SecretBox secrets;
  SystemClock clock;
  ops::Metrics metrics;
  ops::HealthCheck health;
  jobs::JobQueue jobs;
  domain::LookupCache lookups;
  domain::DirectoryService directory;
  domain::IntegrationService integrations;
  domain::OutboundEvents outbound;
  domain::IssueService issues;
  domain::PipelineService pipelines;
  domain::InboundSync inboundSync;
  std::unique_ptr<http::PocoOutboundClient> outboundClient;
  auth::BearerAuthenticator authenticator;
  auth::PasswordService passwords;
  auth::SessionService sessions;
  auth::SignInThrottle signInThrottle;
  web::StaticSite webApp;
  http::Router router;
  http::Dispatcher dispatcher;
  http::HttpServer server;
  std::optional<plugins::HostServices> hostServices;
  std::unique_ptr<plugins::PluginRegistry> registry;
  std::optional<api::ApiServices> apiServices;
  std::vector<std::unique_ptr<jobs::JobRunner>> runners;
  std::unique_ptr<jobs::WorkerPool> workers;
  std::unique_ptr<inbox::WebhookInbox> inbox;
  domain::ReconcileStarter reconcileStarter{integrations, jobs};
  std::unique_ptr<ReconcileSchedule> reconcileSchedule;
  bool running = false;
  int stuckPluginCalls = 0;

  explicit Parts(const HostOptions& o)
      : options(o),
        admin((ensureDataDir(o.dataDir), adminToken(o))),
        secretsLoading(openSecretBoxMeanwhile(secretKeyPath(o))),
        database(openDatabase(o.databaseUrl, o.durableCommits)),
        secrets(secretsLoading.get()),
        jobs(*database, clock, o.retry, o.jobLeaseMs),
        lookups(std::chrono::milliseconds(o.integrationCacheTtlMs)),
        directory(clock, o.integrationCacheTtlMs > 0 ? &lookups : nullptr),
        integrations(clock, secrets, jobs, o.integrationCacheTtlMs > 0 ? &lookups : nullptr),
        outbound(jobs, integrations),
        issues(clock, directory, outbound),
        pipelines(clock, secrets),
        inboundSync(directory, issues, integrations),
        outboundClient(openOutboundClient(o)),
        authenticator(admin.token),
        sessions(clock, auth::SessionSettings{.idleTimeoutMs = o.sessionIdleTimeoutMs}),
        signInThrottle(clock, kPerAccountSignIns, kPerAddressSignIns),
        webApp(openWebApp(o)),
        dispatcher(router, metrics, o.maxBodyBytes),
        server(serverOptions(o), dispatcher) {
    // Other hosts' changes to integrations and the directory empty this host's lookups.
    lookups.followOtherHosts(database->listen(domain::kIntegrationsChannel, [this] { lookups.invalidateAll(); }));
  }
};

HostRuntime::HostRuntime(const HostOptions& options) : parts_(std::make_unique<Parts>(options)) {
  Parts& p = *parts_;
  appLogger().information("database %s", p.database->describe());
  checkSecretKey(*p.database, p.secrets, secretKeyPath(p.options));
  sealPlaintextMetadata(*p.database, p.secrets);
  try {
    p.server.bind();  // the real port is part of the default public URL
  } catch (const std::exception& e) {
    throw StartupError(kExitUnavailable, e.what());
  }
  const std::string publicUrl =
      p.options.publicUrl.empty() ? app::listeningUrl(p.options.bind, p.server.port()) : p.options.publicUrl;

  p.hostServices.emplace(plugins::HostServices{*p.database, p.directory, p.issues, p.integrations, p.inboundSync,
                                               p.jobs, p.metrics, p.clock, *p.outboundClient, publicUrl});
  p.registry = std::make_unique<plugins::PluginRegistry>(*p.hostServices, pluginCallPolicy(p.options));
  const size_t loaded = p.registry->loadDirectory(p.options.pluginsDir);
  appLogger().information("%z plugin(s) loaded from %s", loaded, p.options.pluginsDir);

  p.jobs.onDeadLetter([&p](storage::UnitOfWork& uow, const storage::Job& job, const std::string& reason) {
    domain::SyncLog(p.clock).jobDeadLettered(uow, job, reason);
  });
  // Only expired leases: other hosts on this database are running theirs.
  appLogger().information("job leases held as %s for %?d ms", p.jobs.owner(), p.jobs.leaseMs());
  p.jobs.requeueExpired();

  p.workers = std::make_unique<jobs::WorkerPool>(p.jobs, p.metrics, p.options.workers);
  for (plugins::LoadedPlugin* plugin : p.registry->plugins()) {
    p.runners.push_back(std::make_unique<plugins::PluginJobRunner>(*plugin, *p.hostServices));
    p.workers->registerRunner(plugin->info().key, *p.runners.back());
  }
  p.runners.push_back(std::make_unique<plugins::UninstallJobRunner>(*p.registry, *p.hostServices));
  p.workers->registerRunner("", *p.runners.back());

  // Applied by this host even with --webhook-apply inline: another host (or
  // this one before a restart) may have stored requests.
  p.inbox = std::make_unique<inbox::WebhookInbox>(*p.database, *p.registry, p.clock, p.metrics,
                                                  inboxOptions(*p.database, p.secrets));
  p.metrics.describe(kDatabaseRoundTrips, "Round trips to the database server (PostgreSQL) since start.");
  p.metrics.gaugeCallback(kDatabaseRoundTrips,
                          [&database = *p.database] { return static_cast<double>(database.roundTrips()); });
  p.apiServices.emplace(api::ApiServices{*p.database, p.directory, p.issues, p.integrations, p.pipelines,
                                         *p.registry, p.jobs, p.metrics, p.health, p.authenticator, publicUrl,
                                         p.passwords, p.sessions, p.signInThrottle, p.webApp.available(),
                                         p.options.deferredWebhooks ? p.inbox.get() : nullptr});
  api::registerRoutes(p.router, p.dispatcher, *p.apiServices, &p.webApp);
  p.reconcileSchedule = std::make_unique<ReconcileSchedule>(*p.database, p.reconcileStarter, p.clock,
                                                            std::chrono::seconds(p.options.reconcileIntervalS));
}

HostRuntime::~HostRuntime() { stop(); }

void HostRuntime::start() {
  Parts& p = *parts_;
  p.workers->start();
  p.inbox->start();
  p.reconcileSchedule->start();
  p.running = true;  // from here on stop() has something to stop, even if the server fails
  p.server.start();
}

void HostRuntime::stop() {
  Parts& p = *parts_;
  if (!p.running) return;
  p.running = false;
  appLogger().information("stopping: finishing in-flight requests");
  p.server.stop(std::chrono::milliseconds(p.options.shutdownGraceMs));
  p.reconcileSchedule->stop();
  appLogger().information("stopping: draining job workers");
  p.inbox->stop();
  p.workers->stop();
  // Calls abandoned at their deadline may still be inside a plugin; a short
  // wait lets the ones about to return do so.
  p.stuckPluginCalls = p.registry->stopCalls(std::chrono::milliseconds(500));
  if (p.stuckPluginCalls > 0) {
    appLogger().warning("stopping: %d abandoned plugin call(s) still running; they end with the process",
                        p.stuckPluginCalls);
  }
}

int HostRuntime::stuckPluginCalls() const { return parts_->stuckPluginCalls; }

std::string HostRuntime::listeningUrl() const { return app::listeningUrl(parts_->options.bind, parts_->server.port()); }

}  // namespace ih::host::app
