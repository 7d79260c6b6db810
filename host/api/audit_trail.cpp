// host/api/audit_trail.cpp - see audit_trail.h.
#include "api/audit_trail.h"

#include "domain/directory_service.h"

namespace ih::host::api {

void recordAudit(ApiCall& call, const domain::AuditEvent& event) {
  domain::AuditActor actor{call.principal.superuser, call.principal.userId};
  domain::AuditLog(call.services.directory).record(call.uow, call.org().id, actor, event);
}

}  // namespace ih::host::api
