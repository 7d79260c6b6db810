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
namespace inbox { class WebhookInbox; }
namespace jobs { class JobQueue; }
namespace ops {
class Metrics;
class HealthCheck;
}  // namespace ops
namespace auth {
class BearerAuthenticator;
class PasswordService;
class SessionService;
class SignInThrottle;
}  // namespace auth
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
  // Browser sign-in (passwords, session cookies, failed-attempt limits).
  auth::PasswordService& passwords;
  auth::SessionService& sessions;
  auth::SignInThrottle& signInThrottle;
  // True when the web app is served at /: browser callbacks then land in it.
  bool webApp = false;
  // Where webhook requests a plugin defers are applied (ABI 1.5's ACCEPT
  // phase); null: every plugin request is applied as it arrives.
  inbox::WebhookInbox* inbox = nullptr;

  // Cookies get the Secure attribute when the host is reached over https.
  bool secureCookies() const { return publicUrl.rfind("https://", 0) == 0; }
};

}  // namespace ih::host::api
