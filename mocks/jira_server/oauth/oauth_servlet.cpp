#include "oauth/oauth_servlet.h"

#include "common/html_escape.h"  // the host's (host/common)
#include "common/wall_clock.h"
#include "oauth/oauth_params.h"

namespace ih::mock {
namespace {

constexpr std::string_view kServletPrefix = "/plugins/servlet/oauth/";
constexpr const char* kFormType = "text/plain;charset=UTF-8";

HttpResponse methodNotAllowed() {
  auto response = HttpResponse::text(405, "Method Not Allowed", "text/plain;charset=UTF-8");
  response.setHeader("allow", "POST");
  return response;
}

}  // namespace

std::optional<HttpResponse> OAuthServlet::handle(const HttpRequest& request, std::string_view jiraPath) const {
  if (jiraPath.substr(0, kServletPrefix.size()) != kServletPrefix) return std::nullopt;
  auto action = jiraPath.substr(kServletPrefix.size());
  if (action == "request-token") return request.method == "POST" ? requestToken(request) : methodNotAllowed();
  if (action == "access-token") return request.method == "POST" ? accessToken(request) : methodNotAllowed();
  if (action == "authorize") return authorizePage(request);
  return std::nullopt;
}

std::variant<OAuthGrant, HttpResponse> OAuthServlet::check(const HttpRequest& request, TokenRole role) const {
  auto params = parseOAuthHeader(request.header("authorization"));
  if (!params) {
    // OAuth parameters may also travel in a form body or the query (RFC 5849 §3.5.2-3).
    params = request.queryParams();
    if (request.mediaType() == "application/x-www-form-urlencoded") {
      auto form = url::parseQuery(request.body);
      params->insert(params->end(), form.begin(), form.end());
    }
  }
  auto outcome = validator_.validate(request, *params, role);
  if (auto* problem = std::get_if<OAuthProblem>(&outcome)) return oauthProblemResponse(*problem, baseUrl_);
  return std::get<OAuthGrant>(outcome);
}

HttpResponse OAuthServlet::requestToken(const HttpRequest& request) const {
  auto checked = check(request, TokenRole::kNone);
  if (auto* refusal = std::get_if<HttpResponse>(&checked)) return *refusal;
  auto token = tokens_.issueRequestToken(std::get<OAuthGrant>(checked).consumerKey, nowMillis());
  return HttpResponse::text(200, url::formEncode(ParamList{{"oauth_token", token.token}, {"oauth_token_secret", token.secret}}),
                            kFormType);
}

HttpResponse OAuthServlet::accessToken(const HttpRequest& request) const {
  auto checked = check(request, TokenRole::kRequestToken);
  if (auto* refusal = std::get_if<HttpResponse>(&checked)) return *refusal;
  auto access = tokens_.exchange(std::get<OAuthGrant>(checked).token);
  return HttpResponse::text(200,
                            url::formEncode(ParamList{{"oauth_token", access.token},
                                                 {"oauth_token_secret", access.secret},
                                                 {"oauth_expires_in", "157680000"},
                                                 {"oauth_session_handle", access.sessionHandle},
                                                 {"oauth_authorization_expires_in", "160272000"}}),
                            kFormType);
}

HttpResponse OAuthServlet::authorizePage(const HttpRequest& request) const {
  auto token = request.queryParam("oauth_token").value_or("");
  auto pending = tokens_.requestToken(token, nowMillis());
  std::string body = "<!DOCTYPE html><html><head><title>OAuth Access Request - Jira</title></head><body>";
  if (!pending || pending->expired) {
    body += "<h1>Invalid OAuth Token</h1><p>The request token is invalid or has expired.</p>";
  } else {
    auto consumerName = state_.read([&](const JiraModel& m) {
      const auto* consumer = m.findConsumer(pending->consumerKey);
      return consumer != nullptr && !consumer->name.empty() ? consumer->name : pending->consumerKey;
    });
    body += "<h1>Welcome to Jira</h1><p>" + ih::host::htmlEscape(consumerName) +
            " would like to read and write data on your behalf.</p>"
            "<form method=\"post\"><input type=\"hidden\" name=\"oauth_token\" value=\"" + ih::host::htmlEscape(token) +
            "\"><input type=\"submit\" name=\"approve\" value=\"Allow\">"
            "<input type=\"submit\" name=\"deny\" value=\"Deny\"></form>"
            "<p>(mock-jira: approve with POST /_mock/oauth/approve)</p>";
  }
  body += "</body></html>";
  return HttpResponse::text(200, body, "text/html;charset=UTF-8");
}

}  // namespace ih::mock
