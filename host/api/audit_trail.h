// host/api/audit_trail.h - how an endpoint records an owner's change in the
// organization's audit log (domain/audit_log.h), with the caller as actor, in
// the request's unit of work: the entry exists exactly when the change does.
#pragma once

#include "api/api_call.h"
#include "domain/audit_log.h"

namespace ih::host::api {

void recordAudit(ApiCall& call, const domain::AuditEvent& event);

}  // namespace ih::host::api
