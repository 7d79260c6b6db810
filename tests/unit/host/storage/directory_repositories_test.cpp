// Directory repositories: organizations, users and emails, members, teams,
// projects, releases, API tokens.
#include "storage/directory_repositories.h"

#include <gtest/gtest.h>

#include "support/backend.h"

namespace ih::host::storage {
namespace {

class DirectoryRepositoriesTest : public ih::test::BackendTest {
 protected:
  User user(const std::string& email, std::vector<UserEmail> emails) {
    User u;
    u.email = email;
    u.name = "N";
    u.createdAt = 5;
    u.emails = std::move(emails);
    return u;
  }
};

TEST_P(DirectoryRepositoriesTest, OrganizationsByIdAndSlug) {
  auto uow = db().begin();
  OrganizationRepository organizations(*uow);
  const auto org = organizations.insert("acme", "Acme Inc", 42);
  EXPECT_GT(org.id, 0);
  EXPECT_EQ(organizations.findBySlug("acme")->id, org.id);
  EXPECT_EQ(organizations.findById(org.id)->name, "Acme Inc");
  EXPECT_EQ(organizations.findById(org.id)->createdAt, 42);
  EXPECT_FALSE(organizations.findBySlug("ACME"));
  EXPECT_FALSE(organizations.findById(org.id + 100));
}

TEST_P(DirectoryRepositoriesTest, UsersAreFoundByEmailCaseInsensitively) {
  auto uow = db().begin();
  UserRepository users(*uow);
  const auto alice = users.insert(user("Alice@Example.test", {{"Alice@Example.test", true}, {"al@other.test", false}}));
  const auto bob = users.insert(user("bob@example.test", {{"bob@example.test", true}, {"ALICE@example.TEST", true}}));
  EXPECT_EQ(users.findByPrimaryEmail("alice@example.TEST")->id, alice.id);
  EXPECT_FALSE(users.findByPrimaryEmail("al@other.test"));
  // Verified secondary emails count; unverified ones do not.
  EXPECT_EQ(users.findByVerifiedEmail("ALICE@EXAMPLE.TEST")->id, alice.id);  // lowest id wins
  EXPECT_FALSE(users.findByVerifiedEmail("al@other.test"));
  const auto loaded = users.findById(bob.id);
  ASSERT_TRUE(loaded);
  ASSERT_EQ(loaded->emails.size(), 2u);
  EXPECT_EQ(loaded->emails[0].email, "bob@example.test");  // primary first
  EXPECT_TRUE(loaded->emails[1].verified);
  EXPECT_EQ(loaded->name, bob.name);
  // A user with no email rows is still found, with none.
  const auto bare = users.insert(user("bare@example.test", {}));
  const auto loadedBare = users.findById(bare.id);
  ASSERT_TRUE(loadedBare);
  EXPECT_EQ(loadedBare->email, "bare@example.test");
  EXPECT_TRUE(loadedBare->emails.empty());
  EXPECT_FALSE(users.findById(bare.id + 100));
}

TEST_P(DirectoryRepositoriesTest, EligibleUsersNeedActiveMembershipVerifiedEmailAndAProjectTeam) {
  auto uow = db().begin();
  const auto org = OrganizationRepository(*uow).insert("acme", "Acme", 1);
  const auto otherOrg = OrganizationRepository(*uow).insert("other", "Other", 1);
  UserRepository users(*uow);
  const auto onTeam = users.insert(user("dev@example.test", {{"dev@example.test", true}}));
  const auto notOnTeam = users.insert(user("x@example.test", {{"dev@example.test", true}}));
  const auto unverified = users.insert(user("u@example.test", {{"dev@example.test", false}}));
  const auto inactive = users.insert(user("i@example.test", {{"dev@example.test", true}}));
  const auto wrongOrg = users.insert(user("w@example.test", {{"dev@example.test", true}}));
  users.setActive(inactive.id, false);
  MemberRepository members(*uow);
  for (const auto* u : {&onTeam, &notOnTeam, &unverified, &inactive}) members.upsert(org.id, u->id, Role::Member, 1);
  members.upsert(otherOrg.id, wrongOrg.id, Role::Member, 1);
  TeamRepository teams(*uow);
  const auto team = teams.insert(org.id, "core", 1);
  const auto otherTeam = teams.insert(otherOrg.id, "core", 1);
  for (const auto* u : {&onTeam, &unverified, &inactive}) teams.addMember(team.id, u->id);
  teams.addMember(otherTeam.id, wrongOrg.id);
  ProjectRepository projects(*uow);
  const auto project = projects.insert(org.id, "api", {team.id}, 1);
  const auto lonely = projects.insert(org.id, "lonely", {}, 1);
  projects.insert(otherOrg.id, "api", {otherTeam.id}, 1);

  const auto eligible = users.findEligible(org.id, "DEV@example.test", project.id);
  ASSERT_EQ(eligible.size(), 1u);
  EXPECT_EQ(eligible[0].id, onTeam.id);
  EXPECT_TRUE(users.findEligible(org.id, "dev@example.test", lonely.id).empty());
  EXPECT_EQ(users.findEligible(org.id, "dev@example.test", 0).size(), 1u);  // any project of the org
  EXPECT_TRUE(users.findEligible(org.id, "nobody@example.test", project.id).empty());
}

// Two eligible users, read in one statement: each keeps its own emails, the
// primary first.
TEST_P(DirectoryRepositoriesTest, EligibleUsersComeWithTheirOwnEmails) {
  auto uow = db().begin();
  const auto org = OrganizationRepository(*uow).insert("acme", "Acme", 1);
  UserRepository users(*uow);
  const auto first = users.insert(
      user("first@example.test", {{"shared@example.test", true}, {"first@example.test", true}, {"old@example.test", false}}));
  const auto second = users.insert(user("second@example.test", {{"second@example.test", true}, {"shared@example.test", true}}));
  TeamRepository teams(*uow);
  const auto team = teams.insert(org.id, "core", 1);
  for (const auto* u : {&first, &second}) {
    MemberRepository(*uow).upsert(org.id, u->id, Role::Member, 1);
    teams.addMember(team.id, u->id);
  }
  const auto project = ProjectRepository(*uow).insert(org.id, "api", {team.id}, 1);

  const auto eligible = users.findEligible(org.id, "shared@example.test", project.id);
  ASSERT_EQ(eligible.size(), 2u);
  EXPECT_EQ(eligible[0].id, first.id);
  EXPECT_EQ(eligible[0].email, "first@example.test");
  ASSERT_EQ(eligible[0].emails.size(), 3u);
  EXPECT_EQ(eligible[0].emails[0].email, "first@example.test");  // the primary
  EXPECT_EQ(eligible[0].emails[1].email, "shared@example.test");
  EXPECT_FALSE(eligible[0].emails[2].verified);
  EXPECT_EQ(eligible[1].id, second.id);
  ASSERT_EQ(eligible[1].emails.size(), 2u);
  EXPECT_EQ(eligible[1].emails[0].email, "second@example.test");
  EXPECT_EQ(eligible[1].emails[1].email, "shared@example.test");
}

TEST_P(DirectoryRepositoriesTest, MembershipRoleIsUpserted) {
  auto uow = db().begin();
  const auto org = OrganizationRepository(*uow).insert("acme", "Acme", 1);
  const auto u = UserRepository(*uow).insert(user("a@example.test", {{"a@example.test", true}}));
  MemberRepository members(*uow);
  EXPECT_FALSE(members.roleOf(org.id, u.id));
  members.upsert(org.id, u.id, Role::Member, 1);
  EXPECT_EQ(members.roleOf(org.id, u.id), Role::Member);
  members.upsert(org.id, u.id, Role::Owner, 2);
  EXPECT_EQ(members.roleOf(org.id, u.id), Role::Owner);
}

TEST_P(DirectoryRepositoriesTest, TeamsAndProjectsAreScopedToTheirOrganization) {
  auto uow = db().begin();
  const auto a = OrganizationRepository(*uow).insert("a", "A", 1);
  const auto b = OrganizationRepository(*uow).insert("b", "B", 1);
  TeamRepository teams(*uow);
  const auto teamA = teams.insert(a.id, "core", 1);
  const auto teamB = teams.insert(b.id, "core", 1);  // same slug, other org
  EXPECT_NE(teamA.id, teamB.id);
  EXPECT_EQ(teams.findBySlug(b.id, "core")->id, teamB.id);
  ProjectRepository projects(*uow);
  const auto project = projects.insert(a.id, "api", {teamA.id}, 1);
  EXPECT_EQ(projects.findBySlug(a.id, "api")->teamIds, std::vector<int64_t>{teamA.id});
  EXPECT_FALSE(projects.findBySlug(b.id, "api"));
  EXPECT_EQ(projects.findById(project.id)->slug, "api");
  EXPECT_EQ(projects.nextShortNumber(project.id), 1);
  EXPECT_EQ(projects.nextShortNumber(project.id), 2);
}

TEST_P(DirectoryRepositoriesTest, LatestReleaseIsNewestByTimeThenId) {
  auto uow = db().begin();
  const auto org = OrganizationRepository(*uow).insert("acme", "Acme", 1);
  ProjectRepository projects(*uow);
  const auto api = projects.insert(org.id, "api", {}, 1);
  const auto web = projects.insert(org.id, "web", {}, 1);
  ReleaseRepository releases(*uow);
  EXPECT_FALSE(releases.latestForProject(api.id));
  releases.insert(org.id, "1.0", {api.id}, 100);
  releases.insert(org.id, "0.9-late", {api.id}, 50);  // older by time despite a higher id
  releases.insert(org.id, "1.1", {api.id, web.id}, 200);
  releases.insert(org.id, "1.1-tie", {web.id}, 200);
  EXPECT_EQ(releases.latestForProject(api.id)->version, "1.1");
  EXPECT_EQ(releases.latestForProject(web.id)->version, "1.1-tie");
  EXPECT_EQ(releases.findByVersion(org.id, "1.1")->projectIds, (std::vector<int64_t>{api.id, web.id}));
}

TEST_P(DirectoryRepositoriesTest, ApiTokensResolveOnlyForActiveUsers) {
  auto uow = db().begin();
  UserRepository users(*uow);
  const auto u = users.insert(user("a@example.test", {{"a@example.test", true}}));
  ApiTokenRepository tokens(*uow);
  tokens.insert(u.id, "hash-1", 1);
  EXPECT_EQ(tokens.activeUserFor("hash-1"), u.id);
  EXPECT_FALSE(tokens.activeUserFor("hash-2"));
  users.setActive(u.id, false);
  EXPECT_FALSE(tokens.activeUserFor("hash-1"));
}

IH_INSTANTIATE_BACKENDS(DirectoryRepositoriesTest);

}  // namespace
}  // namespace ih::host::storage
