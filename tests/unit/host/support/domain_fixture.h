// tests/unit/host/support/domain_fixture.h - the domain services wired on a
// fresh database of each backend, a ManualClock, and builders for the
// directory/integration scenes the tests need. Each builder commits its own
// unit of work, as an API request would.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "auth/secret_box.h"
#include "common/clock.h"
#include "domain/directory_service.h"
#include "domain/inbound_sync.h"
#include "domain/integration_service.h"
#include "domain/issue_service.h"
#include "domain/outbound_events.h"
#include "domain/pipeline_service.h"
#include "jobs/job_queue.h"
#include "support/backend.h"

namespace ih::test {

constexpr int64_t kStartMs = 1'700'000'000'000;

class DomainTest : public BackendTest {
 protected:
  void SetUp() override;
  void TearDown() override;

  // --- builders ---
  host::storage::Organization makeOrg(const std::string& slug);
  // A user with a verified primary email, plus `extra` emails.
  host::storage::User makeUser(const std::string& email, const std::vector<host::storage::UserEmail>& extra = {});
  void addMember(int64_t organizationId, int64_t userId, host::storage::Role role = host::storage::Role::Member);
  // A team of the org whose members are `userIds` (added as org members first).
  host::storage::Team makeTeam(int64_t organizationId, const std::string& slug, const std::vector<int64_t>& userIds);
  host::storage::Project makeProject(int64_t organizationId, const std::string& slug,
                                     const std::vector<std::string>& teamSlugs);
  host::storage::Issue makeIssue(int64_t organizationId, int64_t projectId, const std::string& title = "Disk full");
  // Installs (provider "jira_server"), enables the plugin for the org and
  // merges `configJson` into the link's config.
  host::domain::OrgIntegrationView installIntegration(int64_t organizationId, const std::string& externalId,
                                                      const std::string& configJson = "{}",
                                                      const std::string& provider = "jira_server");
  host::storage::ExternalIssue linkTicket(int64_t organizationId, int64_t integrationId, int64_t issueId,
                                          const std::string& key);
  void setPluginEnabled(int64_t organizationId, bool enabled, const std::string& provider = "jira_server");
  host::storage::Issue reload(const host::storage::Issue& issue);
  std::vector<host::storage::Activity> activitiesOf(const host::storage::Issue& issue);
  // Pending jobs, oldest first.
  std::vector<host::storage::Job> pendingJobs();

  host::ManualClock clock_{kStartMs};
  host::auth::SecretBox secrets_ = host::auth::SecretBox::fromKey(std::string(32, 'k'));
  std::unique_ptr<host::jobs::JobQueue> jobs_;
  std::unique_ptr<host::domain::DirectoryService> directory_;
  std::unique_ptr<host::domain::IntegrationService> integrations_;
  std::unique_ptr<host::domain::OutboundEvents> outbound_;
  std::unique_ptr<host::domain::IssueService> issues_;
  std::unique_ptr<host::domain::InboundSync> inbound_;
  std::unique_ptr<host::domain::PipelineService> pipelines_;
};

}  // namespace ih::test
