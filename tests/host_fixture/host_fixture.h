// tests/host_fixture/host_fixture.h - a real, in-process host core for
// plugin, API and end-to-end-ish tests, so no test rebuilds the wiring.
//
// HostFixture owns, in dependency order: a temporary data directory; a SQLite
// Database in it (migrated); a Clock (ManualClock by default, so tests move
// time by hand; SystemClock on request); Metrics; the JobQueue; the domain
// services (DirectoryService, OutboundEvents, IssueService,
// IntegrationService, PipelineService, InboundSync) with a fixed-key
// SecretBox; a PocoOutboundClient (or a test's own OutboundClient); and the
// plugins::HostServices that ties them together for the plugin runtime.
// Everything is destroyed (and the directory removed) with the fixture.
//
// Usage:
//   ih::test::HostFixture host;                 // ManualClock at kStartMs
//   auto org = host.createOrganization("acme");
//   host.enablePlugin(org, "c_echo");
//   ih::host::plugins::PluginRegistry registry(host.services());
//   registry.loadDirectory(IH_TEST_PLUGIN_DIR);
//   auto uow = host.begin();
//   ih::host::plugins::CallScope scope{*uow, org};
//
// LogCapture (log_capture.h) records Poco log lines for assertions.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "common/clock.h"
#include "domain/directory_service.h"
#include "domain/inbound_sync.h"
#include "domain/integration_service.h"
#include "domain/issue_service.h"
#include "domain/outbound_events.h"
#include "domain/pipeline_service.h"
#include "http/outbound_client.h"
#include "jobs/job_queue.h"
#include "ops/metrics.h"
#include "plugins/host_services.h"
#include "storage/database.h"

namespace ih::test {

struct HostFixtureOptions {
  bool manualClock = true;
  int64_t startMs = 1700000000000;  // 2023-11-14T22:13:20Z
  std::string publicUrl = "http://127.0.0.1:8080";
  // Replaces the PocoOutboundClient (e.g. a scripted fake); not owned.
  host::http::OutboundClient* outboundClient = nullptr;
  host::jobs::RetryPolicy retryPolicy{};
};

class HostFixture {
 public:
  static constexpr int64_t kStartMs = 1700000000000;

  explicit HostFixture(HostFixtureOptions options = {});
  ~HostFixture();
  HostFixture(const HostFixture&) = delete;
  HostFixture& operator=(const HostFixture&) = delete;

  const std::string& dataDir() const { return dataDir_; }
  host::storage::Database& database() { return *database_; }
  const host::Clock& clock() const { return *clock_; }
  host::ManualClock* manualClock() { return manualClock_; }  // NULL with the system clock
  host::ops::Metrics& metrics() { return metrics_; }
  host::jobs::JobQueue& jobs() { return *jobs_; }
  host::domain::DirectoryService& directory() { return *directory_; }
  host::domain::OutboundEvents& outboundEvents() { return *outbound_; }
  host::domain::IssueService& issues() { return *issues_; }
  host::domain::IntegrationService& integrations() { return *integrations_; }
  host::domain::PipelineService& pipelines() { return *pipelines_; }
  host::domain::InboundSync& inboundSync() { return *inboundSync_; }
  host::http::OutboundClient& outboundClient() { return *outboundClient_; }
  const host::auth::SecretBox& secrets() const { return *secrets_; }
  host::plugins::HostServices& services() { return *services_; }

  std::unique_ptr<host::storage::UnitOfWork> begin() { return database_->begin(); }
  // Runs `body` in a fresh unit of work and commits it.
  void inTransaction(const std::function<void(host::storage::UnitOfWork&)>& body);

  // --- seeding shortcuts (each commits its own unit of work) --------------
  int64_t createOrganization(const std::string& slug);
  int64_t createUser(const std::string& email, const std::string& name = "Test User");
  void enablePlugin(int64_t organizationId, const std::string& pluginKey, bool enabled = true);
  // Installs (provider, externalId) for the organization; returns the integration id.
  int64_t installIntegration(int64_t organizationId, const std::string& provider, const std::string& externalId,
                             const std::string& credentialsJson = "{}", const std::string& metadataJson = "{}");

 private:
  std::string dataDir_;
  std::unique_ptr<host::storage::Database> database_;
  std::unique_ptr<host::Clock> clock_;
  host::ManualClock* manualClock_ = nullptr;
  host::ops::Metrics metrics_;
  std::unique_ptr<host::auth::SecretBox> secrets_;
  std::unique_ptr<host::jobs::JobQueue> jobs_;
  std::unique_ptr<host::domain::DirectoryService> directory_;
  std::unique_ptr<host::domain::IntegrationService> integrations_;
  std::unique_ptr<host::domain::OutboundEvents> outbound_;
  std::unique_ptr<host::domain::IssueService> issues_;
  std::unique_ptr<host::domain::PipelineService> pipelines_;
  std::unique_ptr<host::domain::InboundSync> inboundSync_;
  std::unique_ptr<host::http::OutboundClient> ownedClient_;
  host::http::OutboundClient* outboundClient_ = nullptr;
  std::unique_ptr<host::plugins::HostServices> services_;
};

}  // namespace ih::test
