// host/api/api_services.h - everything the REST endpoints use, wired once by
// the application (or a test fixture). Every member outlives the server.
#pragma once

#include <string>

namespace ih::host {
class Clock;
namespace storage { class Database; }
namespace domain {
class DirectoryService;
class IssueService;
class IntegrationService;
class PipelineService;
}  // namespace domain
namespace plugins { class PluginRegistry; }
namespace jobs { class JobQueue; }
namespace ops {
class Metrics;
class HealthCheck;
}  // namespace ops
namespace auth { class BearerAuthenticator; }
}  // namespace ih::host

namespace ih::host::api {

struct ApiServices {
  storage::Database& database;
  domain::DirectoryService& directory;
  domain::IssueService& issues;
  domain::IntegrationService& integrations;
  domain::PipelineService& pipelines;
  plugins::PluginRegistry& plugins;
  jobs::JobQueue& jobs;
  ops::Metrics& metrics;
  ops::HealthCheck& health;
  const auth::BearerAuthenticator& authenticator;
  std::string publicUrl;  // absolute, no trailing '/'
};

}  // namespace ih::host::api
