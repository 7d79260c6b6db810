// Serves the Jira side of the mock in stateful mode: OAuth servlet, then REST resources
// behind authentication, with Jira's 401/404/405 answers and its X-AUSERNAME and
// X-AREQUESTID headers.
#pragma once

#include <atomic>
#include <string>

#include "common/http_types.h"
#include "oauth/authenticator.h"
#include "oauth/oauth_servlet.h"
#include "rest/route_table.h"

namespace ih::mock {

class RestRouter {
 public:
  RestRouter(RestServices& services, const Authenticator& authenticator, const OAuthServlet& servlet);

  // jiraPath is the request path with the context path removed.
  HttpResponse handle(const HttpRequest& request, const std::string& jiraPath);

 private:
  HttpResponse dispatch(const HttpRequest& request, const std::string& jiraPath, std::string& user);

  RestServices& services_;
  const Authenticator& authenticator_;
  const OAuthServlet& servlet_;
  RouteTable routes_;
  std::atomic<long> requestCounter_{0};
};

// 404 {"message":"null for uri: <url>","status-code":404}, Jersey's unknown-path answer.
HttpResponse unknownPathResponse(const std::string& baseUrl, const HttpRequest& request);

}  // namespace ih::mock
