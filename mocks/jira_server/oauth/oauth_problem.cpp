#include "oauth/oauth_problem.h"

namespace ih::mock {

std::string oauthChallenge(const std::string& baseUrl) {
  return "OAuth realm=\"" + url::percentEncode(baseUrl) + "\"";
}

HttpResponse oauthProblemResponse(const OAuthProblem& problem, const std::string& baseUrl) {
  ParamList body{{"oauth_problem", problem.problem}};
  body.insert(body.end(), problem.details.begin(), problem.details.end());
  auto response = HttpResponse::text(401, url::formEncode(body), "text/plain;charset=UTF-8");
  response.setHeader("www-authenticate", oauthChallenge(baseUrl) + ", oauth_problem=\"" + problem.problem + "\"");
  return response;
}

}  // namespace ih::mock
