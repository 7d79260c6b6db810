// host/api/api_call.h - what an endpoint handler gets: the request, the
// request's unit of work (committed by the router only when the answer is a
// success), the authenticated principal and, on organization routes, the
// organization the principal was checked against; for browser requests, the
// session that authenticated them.
#pragma once

#include <functional>
#include <optional>
#include <stdexcept>

#include "api/api_services.h"
#include "auth/principal.h"
#include "domain/change_source.h"
#include "http/request_context.h"
#include "http/response.h"
#include "storage/records.h"
#include "storage/sign_in_repositories.h"
#include "storage/unit_of_work.h"

namespace ih::host::api {

struct ApiCall {
  http::RequestContext& request;
  storage::UnitOfWork& uow;
  ApiServices& services;
  auth::Principal principal;
  std::optional<storage::Organization> organization;  // set on {org} routes
  // Set when the request was authenticated by the web app's session cookie.
  std::optional<storage::SessionRow> session;
  std::string sessionToken;

  const storage::Organization& org() const {
    if (!organization) throw std::logic_error("route has no organization");
    return *organization;
  }
  // Changes made through the API are attributed to the calling user.
  domain::ChangeSource changeSource() const { return domain::ChangeSource::user(principal.userId); }
};

using ApiHandler = std::function<http::Response(ApiCall&)>;

}  // namespace ih::host::api
