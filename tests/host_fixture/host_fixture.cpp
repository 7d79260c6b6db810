// tests/host_fixture/host_fixture.cpp - see host_fixture.h.
#include "host_fixture.h"

#include <filesystem>
#include <stdexcept>

#include "auth/secret_box.h"

namespace ih::test {

namespace {

std::string makeTempDir() {
  std::string pattern = (std::filesystem::temp_directory_path() / "ih-host-fixture-XXXXXX").string();
  if (::mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("cannot create a temporary directory");
  return pattern;
}

}  // namespace

HostFixture::HostFixture(HostFixtureOptions options) : dataDir_(makeTempDir()) {
  database_ = host::storage::Database::open("sqlite:" + dataDir_ + "/host.db");
  database_->migrate();
  if (options.manualClock) {
    auto manual = std::make_unique<host::ManualClock>(options.startMs);
    manualClock_ = manual.get();
    clock_ = std::move(manual);
  } else {
    clock_ = std::make_unique<host::SystemClock>();
  }
  secrets_ = std::make_unique<host::auth::SecretBox>(host::auth::SecretBox::fromKey(std::string(32, 'k')));
  jobs_ = std::make_unique<host::jobs::JobQueue>(*database_, *clock_, options.retryPolicy);
  directory_ = std::make_unique<host::domain::DirectoryService>(*clock_);
  integrations_ = std::make_unique<host::domain::IntegrationService>(*clock_, *secrets_, *jobs_);
  outbound_ = std::make_unique<host::domain::OutboundEvents>(*jobs_, *integrations_);
  issues_ = std::make_unique<host::domain::IssueService>(*clock_, *directory_, *outbound_);
  pipelines_ = std::make_unique<host::domain::PipelineService>(*clock_, *secrets_);
  inboundSync_ = std::make_unique<host::domain::InboundSync>(*directory_, *issues_, *integrations_);
  if (options.outboundClient != nullptr) {
    outboundClient_ = options.outboundClient;
  } else {
    ownedClient_ = std::make_unique<host::http::PocoOutboundClient>();
    outboundClient_ = ownedClient_.get();
  }
  services_ = std::make_unique<host::plugins::HostServices>(host::plugins::HostServices{
      *database_, *directory_, *issues_, *integrations_, *inboundSync_, *jobs_, metrics_, *clock_, *outboundClient_,
      options.publicUrl});
}

HostFixture::~HostFixture() {
  services_.reset();
  inboundSync_.reset();
  pipelines_.reset();
  issues_.reset();
  outbound_.reset();
  integrations_.reset();
  directory_.reset();
  jobs_.reset();
  database_.reset();
  std::error_code ignored;
  std::filesystem::remove_all(dataDir_, ignored);
}

void HostFixture::inTransaction(const std::function<void(host::storage::UnitOfWork&)>& body) {
  auto uow = begin();
  body(*uow);
  uow->commit();
}

int64_t HostFixture::createOrganization(const std::string& slug) {
  int64_t id = 0;
  inTransaction([&](auto& uow) { id = directory_->createOrganization(uow, slug, slug).id; });
  return id;
}

int64_t HostFixture::createUser(const std::string& email, const std::string& name) {
  int64_t id = 0;
  inTransaction([&](auto& uow) { id = directory_->createUser(uow, email, name, {}).id; });
  return id;
}

void HostFixture::enablePlugin(int64_t organizationId, const std::string& pluginKey, bool enabled) {
  inTransaction([&](auto& uow) { integrations_->setPluginEnabled(uow, organizationId, pluginKey, enabled); });
}

int64_t HostFixture::installIntegration(int64_t organizationId, const std::string& provider,
                                        const std::string& externalId, const std::string& credentialsJson,
                                        const std::string& metadataJson) {
  int64_t id = 0;
  inTransaction([&](auto& uow) {
    host::domain::InstallSpec spec;
    spec.provider = provider;
    spec.externalId = externalId;
    spec.name = externalId;
    spec.metadataJson = metadataJson;
    spec.credentialsJson = credentialsJson;
    id = integrations_->install(uow, organizationId, std::nullopt, spec).integration.id;
  });
  return id;
}

}  // namespace ih::test
