#include "client/jira_client.h"

#include <charconv>
#include <chrono>
#include <thread>

#include "client/url_parts.h"

namespace ih::jira {

namespace json = ihp::sdk::json;

ApiResult<ihp::sdk::HttpResponse> JiraClient::send(const JiraRequest& request) const {
  ihp::sdk::HttpRequest http;
  http.method = request.method;
  http.url = connection_.baseUrl + request.path;
  http.timeoutMs = request.timeoutMs;
  http.insecureSkipTlsVerify = !connection_.verifySsl;

  // Signed here, per attempt: a signature (nonce) must never be reused.
  auto authorization = RequestSigner(connection_.credentials).authorization(host_, http.method, http.url,
                                                                           request.oauthLeg);
  if (!authorization) return fail(ApiError::signing(authorization.status));
  http.headers.emplace_back("Authorization", std::move(authorization.value));
  http.headers.emplace_back("Accept", "application/json");
  if (request.jsonBody) {
    http.headers.emplace_back("Content-Type", "application/json");
    http.body = *request.jsonBody;
  }

  RateLimits* limits = cache_ != nullptr && connection_.integrationId != 0 ? &cache_->rateLimits() : nullptr;
  if (limits != nullptr) {
    const int64_t waitMs = limits->reserve(connection_.integrationId, host_.nowMs(), kMaxPaceWaitMs);
    if (waitMs > kMaxPaceWaitMs) {
      host_.debug("jira request " + http.method + " paced: next call allowed in " + std::to_string(waitMs) + " ms");
      return fail(ApiError::paced(waitMs));
    }
    if (waitMs > 0) std::this_thread::sleep_for(std::chrono::milliseconds(waitMs));
  }

  auto sent = host_.send(http);
  if (sent && limits != nullptr) limits->observe(connection_.integrationId, sent.value, host_.nowMs());
  if (!sent) {
    host_.debug("jira request " + http.method + " failed in transport: " + ihp::sdk::statusName(sent.status));
    return fail(ApiError::fromTransport(sent.status, url::netloc(http.url), sent.value.transportError));
  }
  if (sent.value.status < 200 || sent.value.status >= 300) {
    host_.debug("jira request " + http.method + " answered HTTP " + std::to_string(sent.value.status));
    return fail(ApiError::fromResponse(sent.value));
  }
  return std::move(sent.value);
}

ApiResult<std::string> JiraClient::get(const std::string& path, bool cached) const {
  const bool useCache = cached && cache_ != nullptr && connection_.integrationId != 0;
  const std::string url = connection_.baseUrl + path;
  if (useCache) {
    if (auto hit = cache_->get(connection_.integrationId, url, host_.nowMs())) return std::move(*hit);
  }
  JiraRequest request;
  request.path = path;
  auto response = send(request);
  if (!response) return fail(response.error());
  if (useCache) cache_->put(connection_.integrationId, url, response->body, host_.nowMs());
  return std::move(response->body);
}

ApiResult<ihp::sdk::HttpResponse> JiraClient::sendJson(const std::string& method, const std::string& path,
                                                       std::string jsonBody) const {
  JiraRequest request;
  request.method = method;
  request.path = path;
  request.jsonBody = std::move(jsonBody);
  return send(request);
}

ApiResult<Done> JiraClient::parseBody(const std::string& body, json::Document& out) {
  if (!json::parse(body, out)) return fail(ApiError::invalidResponse("Jira answered with invalid JSON"));
  return Done{};
}

ApiResult<ServerInfo> JiraClient::serverInfo() const {
  auto body = get("/rest/api/2/serverInfo");
  if (!body) return fail(body.error());
  json::Document doc;
  if (auto parsed = parseBody(body.value(), doc); !parsed) return fail(parsed.error());

  ServerInfo info;
  info.version = json::stringOr(doc, "version");
  info.serverTitle = json::stringOr(doc, "serverTitle");
  const json::Value* numbers = json::member(doc, "versionNumbers");
  if (numbers != nullptr && numbers->IsArray() && !numbers->Empty() && (*numbers)[0].IsInt()) {
    info.majorVersion = (*numbers)[0].GetInt();
    return info;
  }
  // Some proxies strip versionNumbers; the dotted version says the same.
  int major = 0;
  auto [end, ec] = std::from_chars(info.version.data(), info.version.data() + info.version.size(), major);
  if (ec != std::errc() || end == info.version.data()) {
    return fail(ApiError::invalidResponse("serverInfo did not contain a version"));
  }
  info.majorVersion = major;
  return info;
}

ApiResult<std::vector<JiraStatus>> JiraClient::statuses() const {
  auto body = get("/rest/api/2/status");
  if (!body) return fail(body.error());
  json::Document doc;
  if (auto parsed = parseBody(body.value(), doc); !parsed) return fail(parsed.error());
  if (!doc.IsArray()) return fail(ApiError::invalidResponse("status list is not an array"));

  std::vector<JiraStatus> statuses;
  for (const auto& item : doc.GetArray()) {
    JiraStatus status = jiraStatusFrom(item);
    if (!status.id.empty()) statuses.push_back(std::move(status));
  }
  return statuses;
}

JiraStatus jiraStatusFrom(const json::Value& item) {
  JiraStatus status;
  status.id = json::stringOr(item, "id");
  status.name = json::stringOr(item, "name");
  if (const json::Value* category = json::member(item, "statusCategory")) {
    status.categoryKey = json::stringOr(*category, "key");
  }
  return status;
}

}  // namespace ih::jira
