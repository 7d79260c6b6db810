// host/api/api_router.h - registers REST endpoints on the HTTP router with
// their access rule, and runs each request in one unit of work.
//
// For every request: wait briefly for the webhooks this host acknowledged to
// be applied (unless Public; inbox/webhook_inbox.h), open a unit of work,
// authenticate (unless Public),
// check the rule (superuser-only, or member/owner of the {org} path
// parameter), run the handler, and commit only when the answer is a success
// (status < 400). An exception or an error answer rolls everything back.
#pragma once

#include <string>

#include "api/api_call.h"
#include "api/api_services.h"
#include "http/router.h"

namespace ih::host::api {

enum class Access {
  Public,         // no token (health, metrics, browser callbacks)
  Authenticated,  // any valid token
  Superuser,      // the admin token only
  OrgMember,      // a member of {org} (or the superuser)
  OrgOwner,       // an owner of {org} (or the superuser)
};

class ApiRouter {
 public:
  ApiRouter(http::Router& router, ApiServices& services) : router_(router), services_(services) {}

  void add(const std::string& method, const std::string& pattern, Access access, ApiHandler handler);
  ApiServices& services() { return services_; }

 private:
  http::Router& router_;
  ApiServices& services_;
};

}  // namespace ih::host::api
