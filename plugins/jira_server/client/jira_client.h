// client/jira_client.h - the plugin's REST client for one Jira. Every call
// goes through the host's HTTP service as exactly one signed attempt (30 s,
// TLS verification per the connection); HTTP and transport failures come back
// as ApiError. Typed calls parse Jira's answers into small structs so flows
// never touch raw JSON of responses.
//
// Extending (part 2): add a typed method here (or a sibling *_api.h like
// webhook_api.h for a resource family) built on send()/get(); pass
// `cached = true` to get() for reads Sentry caches (projects, priorities,
// createmeta, transitions, ...).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "client/api_error.h"
#include "client/jira_connection.h"
#include "client/request_signer.h"
#include "client/response_cache.h"
#include "ihp/sdk/host.hpp"
#include "ihp/sdk/json.hpp"

namespace ih::jira {

struct JiraRequest {
  std::string method = "GET";
  std::string path;                     // relative to the base URL, query included and encoded
  std::optional<std::string> jsonBody;  // sent as application/json
  std::optional<OAuthLeg> oauthLeg;     // setup legs sign differently
  uint32_t timeoutMs = 30'000;
};

struct ServerInfo {
  std::string version;
  int majorVersion = 0;  // versionNumbers[0]
  std::string serverTitle;
};

struct JiraStatus {
  std::string id;
  std::string name;
  std::string categoryKey;  // statusCategory.key: "new" | "indeterminate" | "done" | ...
};

// A status bean of Jira's REST API (id, name, statusCategory.key).
JiraStatus jiraStatusFrom(const ihp::sdk::json::Value& item);

class JiraClient {
 public:
  JiraClient(const ihp::sdk::Host& host, JiraConnection connection, ResponseCache* cache = nullptr)
      : host_(host), connection_(std::move(connection)), cache_(cache) {}

  const JiraConnection& connection() const { return connection_; }
  const ihp::sdk::Host& host() const { return host_; }

  // One attempt. 2xx is success; anything else is an ApiError.
  ApiResult<ihp::sdk::HttpResponse> send(const JiraRequest& request) const;
  // GET returning the body; `cached` serves and stores it in the response
  // cache for 240 s (only for an installed integration).
  ApiResult<std::string> get(const std::string& path, bool cached = false) const;
  // Sends a JSON body with `method` and returns the response body.
  ApiResult<ihp::sdk::HttpResponse> sendJson(const std::string& method, const std::string& path,
                                             std::string jsonBody) const;

  // GET /rest/api/2/serverInfo (never cached: it decides which webhook API to use).
  ApiResult<ServerInfo> serverInfo() const;
  // GET /rest/api/2/status, never from the per-process cache: the list is
  // shared by every host through sync/status_categories.h.
  ApiResult<std::vector<JiraStatus>> statuses() const;

  // Parses a response body that must be JSON; InvalidResponse otherwise.
  static ApiResult<Done> parseBody(const std::string& body, ihp::sdk::json::Document& out);

 private:
  ihp::sdk::Host host_;
  JiraConnection connection_;
  // A call waits this long at most for Jira's rate limit; a longer wait
  // fails it as paced (jobs come back after the wait, a user sees it).
  static constexpr int64_t kMaxPaceWaitMs = 2000;

  ResponseCache* cache_;
};

}  // namespace ih::jira
