// Bearer authentication and the organization roles matrix.
#include <gtest/gtest.h>

#include "auth/bearer_authenticator.h"
#include "auth/permissions.h"
#include "common/errors.h"

namespace ih::host::auth {
namespace {

std::optional<int64_t> knownUser(std::string_view token) {
  if (token == "user-token") return 7;
  return std::nullopt;
}

TEST(BearerAuthenticatorTest, ParsesTheBearerScheme) {
  EXPECT_EQ(BearerAuthenticator::bearerToken("Bearer abc"), "abc");
  EXPECT_EQ(BearerAuthenticator::bearerToken("bearer   abc  "), "abc");
  EXPECT_EQ(BearerAuthenticator::bearerToken("Basic abc"), std::nullopt);
  EXPECT_EQ(BearerAuthenticator::bearerToken("Bearer"), std::nullopt);
  EXPECT_EQ(BearerAuthenticator::bearerToken("Bearer "), std::nullopt);
  EXPECT_EQ(BearerAuthenticator::bearerToken("Bearer a b"), std::nullopt);
  EXPECT_EQ(BearerAuthenticator::bearerToken("Bearerabc"), std::nullopt);
}

TEST(BearerAuthenticatorTest, TheAdminTokenIsTheSuperuser) {
  BearerAuthenticator auth("admin");
  Principal p = auth.authenticate(std::string("Bearer admin"), knownUser);
  EXPECT_TRUE(p.superuser);
  EXPECT_FALSE(p.userId.has_value());
  EXPECT_EQ(p.userIdOrZero(), 0);
}

TEST(BearerAuthenticatorTest, UserTokensNameTheirUser) {
  BearerAuthenticator auth("admin");
  Principal p = auth.authenticate(std::string("Bearer user-token"), knownUser);
  EXPECT_FALSE(p.superuser);
  EXPECT_EQ(p.userId, 7);
}

TEST(BearerAuthenticatorTest, MissingMalformedOrUnknownTokensAre401) {
  BearerAuthenticator auth("admin");
  EXPECT_THROW(auth.authenticate(std::nullopt, knownUser), UnauthorizedError);
  EXPECT_THROW(auth.authenticate(std::string("Token admin"), knownUser), UnauthorizedError);
  EXPECT_THROW(auth.authenticate(std::string("Bearer admi"), knownUser), UnauthorizedError);
  EXPECT_THROW(auth.authenticate(std::string("Bearer adminx"), knownUser), UnauthorizedError);
  EXPECT_THROW(auth.authenticate(std::string("Bearer nobody"), knownUser), UnauthorizedError);
}

TEST(BearerAuthenticatorTest, AnEmptyAdminTokenMatchesNothing) {
  BearerAuthenticator auth("");
  EXPECT_THROW(auth.authenticate(std::string("Bearer "), knownUser), UnauthorizedError);
}

using storage::Role;

struct MatrixCase {
  Principal principal;
  bool orgExists;
  std::optional<Role> role;
  OrgPermission needed;
  AccessDecision expected;
};

TEST(PermissionsTest, RolesMatrix) {
  const Principal admin = Principal::admin();
  const Principal user = Principal::user(1);
  const MatrixCase cases[] = {
      // The superuser passes everything; only it learns that an org does not exist.
      {admin, true, std::nullopt, OrgPermission::Owner, AccessDecision::Allow},
      {admin, true, std::nullopt, OrgPermission::Member, AccessDecision::Allow},
      {admin, false, std::nullopt, OrgPermission::Member, AccessDecision::NotFound},
      // Owners do everything in their org.
      {user, true, Role::Owner, OrgPermission::Owner, AccessDecision::Allow},
      {user, true, Role::Owner, OrgPermission::Member, AccessDecision::Allow},
      // Members act on issues but do not manage.
      {user, true, Role::Member, OrgPermission::Member, AccessDecision::Allow},
      {user, true, Role::Member, OrgPermission::Owner, AccessDecision::Forbidden},
      // Non-members get 403, also for orgs that do not exist (no enumeration).
      {user, true, std::nullopt, OrgPermission::Member, AccessDecision::Forbidden},
      {user, false, std::nullopt, OrgPermission::Member, AccessDecision::Forbidden},
      {user, false, std::nullopt, OrgPermission::Owner, AccessDecision::Forbidden},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(decideOrgAccess(c.principal, c.orgExists, c.role, c.needed), c.expected)
        << "superuser=" << c.principal.superuser << " exists=" << c.orgExists << " role=" << c.role.has_value();
  }
}

TEST(PermissionsTest, EnforceThrowsTheMatchingError) {
  EXPECT_NO_THROW(enforce(AccessDecision::Allow));
  EXPECT_THROW(enforce(AccessDecision::NotFound), NotFoundError);
  EXPECT_THROW(enforce(AccessDecision::Forbidden), ForbiddenError);
  EXPECT_NO_THROW(requireSuperuser(Principal::admin()));
  EXPECT_THROW(requireSuperuser(Principal::user(3)), ForbiddenError);
}

}  // namespace
}  // namespace ih::host::auth
