#include "auth/permissions.h"

#include "common/errors.h"

namespace ih::host::auth {

AccessDecision decideOrgAccess(const Principal& principal, bool organizationExists,
                               std::optional<storage::Role> role, OrgPermission needed) {
  if (principal.superuser) return organizationExists ? AccessDecision::Allow : AccessDecision::NotFound;
  if (!organizationExists || !role) return AccessDecision::Forbidden;
  if (needed == OrgPermission::Owner && *role != storage::Role::Owner) return AccessDecision::Forbidden;
  return AccessDecision::Allow;
}

void enforce(AccessDecision decision) {
  switch (decision) {
    case AccessDecision::Allow:
      return;
    case AccessDecision::NotFound:
      throw NotFoundError("The requested organization does not exist");
    case AccessDecision::Forbidden:
      throw ForbiddenError();
  }
}

void requireSuperuser(const Principal& principal) {
  if (!principal.superuser) throw ForbiddenError();
}

}  // namespace ih::host::auth
