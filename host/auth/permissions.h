// host/auth/permissions.h - who may do what inside an organization.
//
// Members read and act on issues; owners (and the superuser) also manage
// members, teams, projects, releases, plugins, pipelines and integrations.
// Someone who is not a member gets 403 even when the organization does not
// exist, so slugs cannot be enumerated; only the superuser learns 404.
// Pure functions: the caller looks the role up in its unit of work.
#pragma once

#include <optional>

#include "auth/principal.h"
#include "storage/records.h"

namespace ih::host::auth {

enum class OrgPermission { Member, Owner };
enum class AccessDecision { Allow, NotFound, Forbidden };

// `role` is the principal's role in the organization (none when not a member
// or when the organization does not exist).
AccessDecision decideOrgAccess(const Principal& principal, bool organizationExists,
                               std::optional<storage::Role> role, OrgPermission needed);

// Throws NotFoundError / ForbiddenError for anything but Allow.
void enforce(AccessDecision decision);

// Superuser-only operations (creating organizations, users, tokens).
void requireSuperuser(const Principal& principal);

}  // namespace ih::host::auth
