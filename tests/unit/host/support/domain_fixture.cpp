// tests/unit/host/support/domain_fixture.cpp - see domain_fixture.h.
#include "support/domain_fixture.h"

#include <algorithm>

namespace ih::test {

using namespace ih::host;

void DomainTest::SetUp() {
  BackendTest::SetUp();
  if (IsSkipped()) return;
  jobs_ = std::make_unique<jobs::JobQueue>(db(), clock_, jobs::RetryPolicy{});
  directory_ = std::make_unique<domain::DirectoryService>(clock_);
  integrations_ = std::make_unique<domain::IntegrationService>(clock_, secrets_, *jobs_);
  outbound_ = std::make_unique<domain::OutboundEvents>(*jobs_, *integrations_);
  issues_ = std::make_unique<domain::IssueService>(clock_, *directory_, *outbound_);
  inbound_ = std::make_unique<domain::InboundSync>(*directory_, *issues_, *integrations_);
  pipelines_ = std::make_unique<domain::PipelineService>(clock_, secrets_);
}

void DomainTest::TearDown() {
  pipelines_.reset();
  inbound_.reset();
  issues_.reset();
  outbound_.reset();
  integrations_.reset();
  directory_.reset();
  jobs_.reset();
  BackendTest::TearDown();
}

storage::Organization DomainTest::makeOrg(const std::string& slug) {
  return inTransaction([&](auto& uow) { return directory_->createOrganization(uow, slug, "Org " + slug); });
}

storage::User DomainTest::makeUser(const std::string& email, const std::vector<storage::UserEmail>& extra) {
  return inTransaction([&](auto& uow) { return directory_->createUser(uow, email, "User " + email, extra); });
}

void DomainTest::addMember(int64_t organizationId, int64_t userId, storage::Role role) {
  inTransaction([&](auto& uow) { directory_->addMember(uow, organizationId, userId, role); });
}

storage::Team DomainTest::makeTeam(int64_t organizationId, const std::string& slug,
                                   const std::vector<int64_t>& userIds) {
  return inTransaction([&](auto& uow) {
    auto team = directory_->createTeam(uow, organizationId, slug);
    for (int64_t userId : userIds) {
      directory_->addMember(uow, organizationId, userId, storage::Role::Member);
      directory_->addTeamMember(uow, organizationId, slug, userId);
    }
    return team;
  });
}

storage::Project DomainTest::makeProject(int64_t organizationId, const std::string& slug,
                                         const std::vector<std::string>& teamSlugs) {
  return inTransaction([&](auto& uow) { return directory_->createProject(uow, organizationId, slug, teamSlugs); });
}

storage::Issue DomainTest::makeIssue(int64_t organizationId, int64_t projectId, const std::string& title) {
  return inTransaction([&](auto& uow) {
    return issues_->create(uow, organizationId, projectId, title, domain::ChangeSource::user(std::nullopt));
  });
}

domain::OrgIntegrationView DomainTest::installIntegration(int64_t organizationId, const std::string& externalId,
                                                          const std::string& configJson, const std::string& provider) {
  return inTransaction([&](auto& uow) {
    domain::InstallSpec spec;
    spec.provider = provider;
    spec.externalId = externalId;
    spec.name = "Jira " + externalId;
    spec.metadataJson = R"({"base_url":"http://jira.example.test"})";
    spec.credentialsJson = R"({"access_token":"tok-)" + externalId + R"("})";
    auto view = integrations_->install(uow, organizationId, std::nullopt, spec);
    integrations_->setPluginEnabled(uow, organizationId, provider, true);
    integrations_->mergeConfig(uow, organizationId, view.integration.id, configJson);
    return integrations_->getForOrganization(uow, organizationId, view.integration.id);
  });
}

storage::ExternalIssue DomainTest::linkTicket(int64_t organizationId, int64_t integrationId, int64_t issueId,
                                              const std::string& key) {
  return inTransaction([&](auto& uow) {
    return integrations_->linkExternalIssue(uow, organizationId, integrationId, issueId, key, "Title " + key,
                                            "Description", "http://jira.example.test/browse/" + key);
  });
}

void DomainTest::setPluginEnabled(int64_t organizationId, bool enabled, const std::string& provider) {
  inTransaction([&](auto& uow) { integrations_->setPluginEnabled(uow, organizationId, provider, enabled); });
}

storage::Issue DomainTest::reload(const storage::Issue& issue) {
  return inTransaction([&](auto& uow) { return *issues_->find(uow, issue.organizationId, issue.id); });
}

std::vector<storage::Activity> DomainTest::activitiesOf(const storage::Issue& issue) {
  return inTransaction([&](auto& uow) { return issues_->activities(uow, issue.organizationId, issue.id, 1000); });
}

std::vector<storage::Job> DomainTest::pendingJobs() {
  auto jobs = jobs_->list(jobs::JobFilter{std::nullopt, storage::JobState::Pending, 1000});
  std::reverse(jobs.begin(), jobs.end());
  return jobs;
}

}  // namespace ih::test
