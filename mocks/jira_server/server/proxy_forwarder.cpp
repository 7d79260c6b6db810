#include "server/proxy_forwarder.h"

#include <set>

#include "actions/jira_error.h"
#include "auth/oauth1_signer.h"
#include "common/text.h"
#include "net/http_client.h"
#include "oauth/oauth_params.h"

namespace ih::mock {

std::string ProxyForwarder::resign(const HttpRequest& request, const std::string& upstreamUrl) const {
  const auto authorization = request.header("authorization");
  auto params = parseOAuthHeader(authorization);
  if (!params || settings_.consumerKey.empty()) return authorization;
  const auto* token = findParam(*params, "oauth_token");
  const auto* verifier = findParam(*params, "oauth_verifier");
  return host::auth::signOAuth1({request.method, upstreamUrl, settings_.consumerKey, settings_.privateKeyPem,
                                 token != nullptr ? *token : "", verifier != nullptr ? *verifier : ""});
}

HttpResponse ProxyForwarder::forward(const HttpRequest& request) const {
  const auto jiraPath = request.path.substr(settings_.mockContextPath.size());
  OutboundRequest out;
  out.method = request.method;
  out.url = settings_.upstreamBaseUrl + jiraPath + (request.rawQuery.empty() ? "" : "?" + request.rawQuery);
  out.body = request.body;
  out.timeout = std::chrono::seconds(60);
  static const std::set<std::string> kNotForwarded = {"host", "content-length", "connection", "authorization",
                                                       "accept-encoding", "transfer-encoding", "keep-alive"};
  for (const auto& [name, value] : request.headers) {
    if (!kNotForwarded.count(name)) out.headers.emplace_back(name, value);
  }
  if (auto authorization = resign(request, out.url); !authorization.empty()) out.headers.emplace_back("authorization", authorization);
  OutboundResponse answer;
  try {
    answer = sendHttp(out);
  } catch (const NetworkError& e) {
    return JiraError::message(502, std::string("mock-jira proxy: upstream unreachable: ") + e.what()).response();
  }
  HttpResponse response;
  response.status = answer.status;
  response.body = answer.body;
  replaceAll(response.body, settings_.upstreamBaseUrl, settings_.mockBaseUrl);
  static const std::set<std::string> kHopByHop = {"content-length", "transfer-encoding", "connection", "keep-alive"};
  for (auto [name, value] : answer.headers) {
    if (kHopByHop.count(name)) continue;
    replaceAll(value, settings_.upstreamBaseUrl, settings_.mockBaseUrl);
    response.headers.emplace_back(name, value);
  }
  return response;
}

}  // namespace ih::mock
