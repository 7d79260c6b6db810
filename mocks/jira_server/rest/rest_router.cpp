#include "rest/rest_router.h"

#include "actions/jira_error.h"
#include "common/json.h"
#include "common/wall_clock.h"
#include "rest/resources.h"

namespace ih::mock {
namespace {

// Jira serves /rest/api/latest as an alias of /rest/api/2. (One trailing slash,
// which Jersey ignores, the route matcher ignores too.)
std::string canonicalPath(std::string path) {
  const std::string latest = "/rest/api/latest/";
  if (path.rfind(latest, 0) == 0) path = "/rest/api/2/" + path.substr(latest.size());
  return path;
}

}  // namespace

HttpResponse unknownPathResponse(const std::string& baseUrl, const HttpRequest& request) {
  auto origin = originOf(splitUrl(baseUrl));
  auto url = origin + request.path + (request.rawQuery.empty() ? "" : "?" + request.rawQuery);
  json::JsonBuilder out;
  out.beginObject().field("message", "null for uri: " + url).field("status-code", 404).endObject();
  return HttpResponse::json(404, out.str());
}

RestRouter::RestRouter(RestServices& services, const Authenticator& authenticator, const OAuthServlet& servlet)
    : services_(services), authenticator_(authenticator), servlet_(servlet) {
  registerServerInfoRoutes(routes_);
  registerUserRoutes(routes_);
  registerProjectRoutes(routes_);
  registerStatusRoutes(routes_);
  registerCreateMetaRoutes(routes_);
  registerIssueRoutes(routes_);
  registerTransitionRoutes(routes_);
  registerCommentRoutes(routes_);
  registerSearchRoutes(routes_);
  registerLegacyWebhookRoutes(routes_);
  registerDcWebhookRoutes(routes_);
}

HttpResponse RestRouter::handle(const HttpRequest& request, const std::string& jiraPath) {
  std::string user;
  auto response = dispatch(request, jiraPath, user);
  response.setHeader("x-ausername", user.empty() ? "anonymous" : user);
  response.setHeader("x-arequestid", std::to_string(nowMillis() / 60000 % 1440) + "x" +
                                         std::to_string(++requestCounter_) + "x1");
  return response;
}

HttpResponse RestRouter::dispatch(const HttpRequest& request, const std::string& jiraPath, std::string& user) {
  if (auto servletAnswer = servlet_.handle(request, jiraPath)) return *servletAnswer;
  const auto major = services_.state.read([](const JiraModel& m) { return m.settings.majorVersion(); });
  auto match = routes_.match(request.method, canonicalPath(jiraPath), major);
  if (match.route == nullptr) {
    return match.pathKnown ? HttpResponse::noContent(405) : unknownPathResponse(services_.baseUrl, request);
  }
  auto auth = authenticator_.authenticate(request);
  if (auto* refusal = std::get_if<HttpResponse>(&auth)) return *refusal;
  user = std::get<Identity>(auth).user;
  if (user.empty() && !match.route->anonymous) return unauthenticatedResponse(services_.baseUrl);
  try {
    return match.route->handler(RestCall{request, std::move(match.params), user, services_});
  } catch (const JiraError& e) {
    return e.response();
  } catch (const std::exception& e) {
    return JiraError::message(500, std::string("Internal server error: ") + e.what()).response();
  }
}

}  // namespace ih::mock
