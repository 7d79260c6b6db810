// Jira's OAuth 1.0a servlet under {context}/plugins/servlet/oauth/: request-token,
// the authorize page and access-token. A test approves through the control API
// (POST /_mock/oauth/approve), or a browser on the authorize page: it names the Jira
// user (a real Jira would have them logged in) and clicks "Allow", and is sent to the
// consumer's callback URL with oauth_token and oauth_verifier, as Jira does.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "common/http_types.h"
#include "oauth/oauth_validator.h"

namespace ih::mock {

class OAuthServlet {
 public:
  OAuthServlet(std::string baseUrl, const OAuthValidator& validator, TokenStore& tokens, const JiraState& state)
      : baseUrl_(std::move(baseUrl)), validator_(validator), tokens_(tokens), state_(state) {}

  // nullopt when jiraPath is not one of the servlet's paths.
  std::optional<HttpResponse> handle(const HttpRequest& request, std::string_view jiraPath) const;

 private:
  HttpResponse requestToken(const HttpRequest& request) const;
  HttpResponse authorizePage(const HttpRequest& request) const;
  // POST of the authorize page's form: approve (or deny) as the named user.
  HttpResponse authorizeDecision(const HttpRequest& request) const;
  std::string pageFor(const std::string& token, const std::string& user, const std::string& error) const;
  HttpResponse accessToken(const HttpRequest& request) const;
  // Runs the validator on the request's OAuth header; the problem answer on failure.
  std::variant<OAuthGrant, HttpResponse> check(const HttpRequest& request, TokenRole role) const;

  std::string baseUrl_;
  const OAuthValidator& validator_;
  TokenStore& tokens_;
  const JiraState& state_;
};

}  // namespace ih::mock
