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
  if (action == "authorize") return request.method == "POST" ? authorizeDecision(request) : authorizePage(request);
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
  auto firstAdmin = state_.read([](const JiraModel& m) {
    for (const auto& user : m.users) {
      if (user.admin && user.active) return user.name;
    }
    return std::string();
  });
  return HttpResponse::text(200, pageFor(request.queryParam("oauth_token").value_or(""), firstAdmin, ""),
                            "text/html;charset=UTF-8");
}

std::string OAuthServlet::pageFor(const std::string& token, const std::string& user, const std::string& error) const {
  auto pending = tokens_.requestToken(token, nowMillis());
  std::string body =
      "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>OAuth Access Request - Jira</title>"
      "</head><body>";
  if (!pending || pending->expired) {
    return body + "<h1>Invalid OAuth Token</h1><p>The request token is invalid or has expired.</p></body></html>";
  }
  auto consumerName = state_.read([&](const JiraModel& m) {
    const auto* consumer = m.findConsumer(pending->consumerKey);
    return consumer != nullptr && !consumer->name.empty() ? consumer->name : pending->consumerKey;
  });
  body += "<h1>Welcome to Jira</h1><p>" + ih::host::htmlEscape(consumerName) +
          " would like to read and write data on your behalf.</p>";
  if (!error.empty()) body += "<p role=\"alert\">" + ih::host::htmlEscape(error) + "</p>";
  body += "<form method=\"post\"><input type=\"hidden\" name=\"oauth_token\" value=\"" + ih::host::htmlEscape(token) +
          "\"><label for=\"os_username\">Jira username</label> <input id=\"os_username\" name=\"os_username\" "
          "value=\"" + ih::host::htmlEscape(user) + "\"> <button type=\"submit\" name=\"approve\" value=\"Allow\">Allow</button> "
          "<button type=\"submit\" name=\"deny\" value=\"Deny\">Deny</button></form>"
          "<p>(mock-jira: tests may also approve with POST /_mock/oauth/approve)</p></body></html>";
  return body;
}

HttpResponse OAuthServlet::authorizeDecision(const HttpRequest& request) const {
  std::string token, user;
  bool approved = false;
  for (const auto& [name, value] : url::parseQuery(request.body)) {
    if (name == "oauth_token") token = value;
    if (name == "os_username") user = value;
    if (name == "approve") approved = true;
  }
  auto pending = tokens_.requestToken(token, nowMillis());
  if (!pending || pending->expired) return HttpResponse::text(200, pageFor(token, user, ""), "text/html;charset=UTF-8");
  auto callback = state_.read([&](const JiraModel& m) {
    const auto* consumer = m.findConsumer(pending->consumerKey);
    return consumer != nullptr ? consumer->callbackUrl : std::string();
  });
  ParamList answer{{"oauth_token", token}};
  if (approved) {
    bool known = state_.read([&](const JiraModel& m) {
      const auto* found = m.findUser(user);
      return found != nullptr && found->active;
    });
    if (!known) {
      return HttpResponse::text(200, pageFor(token, user, "Unknown Jira user '" + user + "'."),
                                "text/html;charset=UTF-8");
    }
    answer.emplace_back("oauth_verifier", tokens_.approve(token, user).value_or(""));
  } else {
    answer.emplace_back("oauth_problem", "permission_denied");
  }
  if (callback.empty()) {
    const std::string text = approved ? "<h1>Access Approved</h1><p>Verification code: " +
                                            ih::host::htmlEscape(answer.back().second) + "</p>"
                                      : "<h1>Access Denied</h1><p>You denied access.</p>";
    return HttpResponse::text(200, "<!DOCTYPE html><html><body>" + text + "</body></html>", "text/html;charset=UTF-8");
  }
  auto redirect = HttpResponse::noContent(302);
  redirect.setHeader("location", callback + (callback.find('?') == std::string::npos ? "?" : "&") + url::formEncode(answer));
  return redirect;
}

}  // namespace ih::mock
