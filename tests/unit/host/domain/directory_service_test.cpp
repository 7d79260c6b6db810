// DirectoryService: validation under the contract's field names, duplicates,
// references, tokens, and user resolution.
#include <gtest/gtest.h>

#include "common/errors.h"
#include "storage/query.h"
#include "support/domain_fixture.h"
#include "support/expect_errors.h"

namespace ih::host::domain {
namespace {

using ih::test::throwsFieldError;
using storage::Role;

class DirectoryServiceTest : public ih::test::DomainTest {};

TEST_P(DirectoryServiceTest, OrganizationSlugsAndNamesAreValidated) {
  auto uow = db().begin();
  const auto org = directory_->createOrganization(*uow, "acme-1_x", "Acme");
  EXPECT_EQ(directory_->findOrganization(*uow, "acme-1_x")->id, org.id);
  EXPECT_EQ(directory_->findOrganization(*uow, org.id)->name, "Acme");
  for (const std::string& bad :
       std::vector<std::string>{"", "Acme", "-acme", "_acme", "ac me", "acme!", std::string(51, 'a')}) {
    EXPECT_TRUE(throwsFieldError([&] { directory_->createOrganization(*uow, bad, "Name"); }, "slug")) << bad;
  }
  EXPECT_NO_THROW(directory_->createOrganization(*uow, std::string(50, 'a'), "Long slug"));
  EXPECT_TRUE(throwsFieldError([&] { directory_->createOrganization(*uow, "named", ""); }, "name"));
  EXPECT_TRUE(throwsFieldError([&] { directory_->createOrganization(*uow, "named", "   "); }, "name"));
  EXPECT_TRUE(throwsFieldError([&] { directory_->createOrganization(*uow, "named", std::string(201, 'n')); }, "name"));
  // 200 characters, whatever their bytes: the message counts characters.
  std::string accented;
  for (int i = 0; i < 200; ++i) accented += "\xc3\xa9";
  EXPECT_NO_THROW(directory_->createOrganization(*uow, "accented", accented));
  EXPECT_TRUE(throwsFieldError([&] { directory_->createOrganization(*uow, "named", accented + "n"); }, "name"));
  EXPECT_TRUE(throwsFieldError([&] { directory_->createOrganization(*uow, "acme-1_x", "Again"); }, "slug",
                               "An organization with this slug already exists."));
}

TEST_P(DirectoryServiceTest, BothBadFieldsAreReportedTogether) {
  auto uow = db().begin();
  try {
    directory_->createOrganization(*uow, "BAD", "");
    FAIL();
  } catch (const ValidationError& error) {
    EXPECT_EQ(error.errors().count("slug"), 1u);
    EXPECT_EQ(error.errors().count("name"), 1u);
  }
}

TEST_P(DirectoryServiceTest, UsersNeedAValidUniquePrimaryEmail) {
  auto uow = db().begin();
  for (const std::string bad : {"", "plain", "@example.test", "alice@", "a@b@c"}) {
    EXPECT_TRUE(throwsFieldError([&] { directory_->createUser(*uow, bad, "Alice", {}); }, "email")) << bad;
  }
  EXPECT_TRUE(throwsFieldError([&] { directory_->createUser(*uow, "a@example.test", "", {}); }, "name"));
  EXPECT_TRUE(throwsFieldError(
      [&] {
        directory_->createUser(*uow, "a@example.test", "A", {{"broken", true}});
      },
      "emails"));
  directory_->createUser(*uow, "Alice@Example.test", "Alice", {});
  EXPECT_TRUE(throwsFieldError([&] { directory_->createUser(*uow, "alice@example.TEST", "Other", {}); }, "email",
                               "A user with this email already exists."));
}

TEST_P(DirectoryServiceTest, PrimaryEmailIsAlwaysVerifiedAndListedOnce) {
  auto uow = db().begin();
  const auto user =
      directory_->createUser(*uow, "alice@example.test", "Alice",
                             {{"ALICE@example.test", false}, {"al@home.test", false}, {"a@work.test", true}});
  const auto loaded = directory_->findUser(*uow, user.id);
  ASSERT_TRUE(loaded);
  ASSERT_EQ(loaded->emails.size(), 3u);
  EXPECT_EQ(loaded->emails[0].email, "alice@example.test");
  EXPECT_TRUE(loaded->emails[0].verified);
  EXPECT_TRUE(loaded->active);
  EXPECT_EQ(directory_->findUserByEmail(*uow, "A@WORK.test")->id, user.id);  // verified secondary
  EXPECT_FALSE(directory_->findUserByEmail(*uow, "al@home.test"));           // unverified
}

TEST_P(DirectoryServiceTest, ApiTokensAreStoredOnlyAsHashes) {
  auto uow = db().begin();
  const auto user = directory_->createUser(*uow, "a@example.test", "A", {});
  const std::string token = directory_->issueApiToken(*uow, user.id);
  EXPECT_EQ(token.size(), 64u);
  EXPECT_NE(token, directory_->issueApiToken(*uow, user.id));
  EXPECT_EQ(directory_->userForApiToken(*uow, token), user.id);
  EXPECT_FALSE(directory_->userForApiToken(*uow, token + "x"));
  EXPECT_FALSE(directory_->userForApiToken(*uow, ""));
  for (const auto& row : storage::Query(*uow, "SELECT token_hash FROM api_tokens").rows()) {
    EXPECT_NE(row.text(0), token);
    EXPECT_EQ(row.text(0).size(), 64u);
  }
  directory_->setUserActive(*uow, user.id, false);
  EXPECT_FALSE(directory_->userForApiToken(*uow, token));
  EXPECT_THROW(directory_->issueApiToken(*uow, user.id + 100), NotFoundError);
}

TEST_P(DirectoryServiceTest, MembershipNeedsKnownOrganizationAndUser) {
  auto uow = db().begin();
  const auto org = directory_->createOrganization(*uow, "acme", "Acme");
  const auto user = directory_->createUser(*uow, "a@example.test", "A", {});
  EXPECT_THROW(directory_->addMember(*uow, org.id + 100, user.id, Role::Member), NotFoundError);
  EXPECT_TRUE(throwsFieldError([&] { directory_->addMember(*uow, org.id, user.id + 100, Role::Member); }, "userId"));
  EXPECT_FALSE(directory_->roleOf(*uow, org.id, user.id));
  directory_->addMember(*uow, org.id, user.id, Role::Owner);
  EXPECT_EQ(directory_->roleOf(*uow, org.id, user.id), Role::Owner);
}

TEST_P(DirectoryServiceTest, TeamMembersMustBelongToTheOrganization) {
  auto uow = db().begin();
  const auto org = directory_->createOrganization(*uow, "acme", "Acme");
  const auto user = directory_->createUser(*uow, "a@example.test", "A", {});
  directory_->createTeam(*uow, org.id, "core");
  EXPECT_TRUE(throwsFieldError([&] { directory_->createTeam(*uow, org.id, "core"); }, "slug",
                               "A team with this slug already exists."));
  EXPECT_TRUE(throwsFieldError([&] { directory_->createTeam(*uow, org.id, "Core!"); }, "slug"));
  EXPECT_TRUE(throwsFieldError([&] { directory_->addTeamMember(*uow, org.id, "core", user.id); }, "userId",
                               "User is not a member of the organization."));
  EXPECT_THROW(directory_->addTeamMember(*uow, org.id, "nope", user.id), NotFoundError);
  directory_->addMember(*uow, org.id, user.id, Role::Member);
  EXPECT_NO_THROW(directory_->addTeamMember(*uow, org.id, "core", user.id));
  EXPECT_NO_THROW(directory_->addTeamMember(*uow, org.id, "core", user.id));  // idempotent
}

TEST_P(DirectoryServiceTest, ProjectsReferenceExistingTeams) {
  auto uow = db().begin();
  const auto org = directory_->createOrganization(*uow, "acme", "Acme");
  const auto team = directory_->createTeam(*uow, org.id, "core");
  const auto project = directory_->createProject(*uow, org.id, "api", {"core"});
  EXPECT_EQ(project.teamIds, std::vector<int64_t>{team.id});
  EXPECT_EQ(directory_->findProject(*uow, org.id, "api")->id, project.id);
  EXPECT_EQ(directory_->findProject(*uow, project.id)->organizationId, org.id);
  EXPECT_TRUE(throwsFieldError(
      [&] {
        directory_->createProject(*uow, org.id, "web", {"core", "ghost"});
      },
      "teams", "Unknown team: ghost"));
  EXPECT_FALSE(directory_->findProject(*uow, org.id, "web"));
  EXPECT_TRUE(throwsFieldError([&] { directory_->createProject(*uow, org.id, "api", {}); }, "slug"));
  EXPECT_THROW(directory_->createProject(*uow, org.id + 100, "x", {}), NotFoundError);
}

TEST_P(DirectoryServiceTest, ReleasesAreUniquePerOrganizationAndOrderedByTime) {
  auto uow = db().begin();
  const auto org = directory_->createOrganization(*uow, "acme", "Acme");
  const auto project = directory_->createProject(*uow, org.id, "api", {});
  EXPECT_FALSE(directory_->latestRelease(*uow, project.id));
  directory_->createRelease(*uow, org.id, "1.0.0", {"api"});
  clock_.advance(1000);
  const auto second = directory_->createRelease(*uow, org.id, "1.1.0", {"api"});
  EXPECT_EQ(directory_->latestRelease(*uow, project.id)->id, second.id);
  EXPECT_TRUE(throwsFieldError([&] { directory_->createRelease(*uow, org.id, "1.0.0", {}); }, "version",
                               "A release with this version already exists."));
  EXPECT_TRUE(throwsFieldError([&] { directory_->createRelease(*uow, org.id, "", {}); }, "version"));
  EXPECT_TRUE(throwsFieldError([&] { directory_->createRelease(*uow, org.id, "2.0", {"ghost"}); }, "projects"));
}

TEST_P(DirectoryServiceTest, UsersByVerifiedEmailFollowsTeamsOfTheProject) {
  const auto org = makeOrg("acme");
  const auto alice = makeUser("alice@example.test");
  makeTeam(org.id, "core", {alice.id});
  const auto api = makeProject(org.id, "api", {"core"});
  const auto web = makeProject(org.id, "web", {});
  auto uow = db().begin();
  EXPECT_EQ(directory_->usersByVerifiedEmail(*uow, org.id, "ALICE@example.test", api.id).size(), 1u);
  EXPECT_TRUE(directory_->usersByVerifiedEmail(*uow, org.id, "alice@example.test", web.id).empty());
  EXPECT_TRUE(directory_->usersByVerifiedEmail(*uow, org.id, "", api.id).empty());
}

IH_INSTANTIATE_BACKENDS(DirectoryServiceTest);

}  // namespace
}  // namespace ih::host::domain
