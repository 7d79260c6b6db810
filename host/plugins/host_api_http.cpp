// host/plugins/host_api_http.cpp - ihp_host_api.http_send: one outbound
// exchange through the host's OutboundClient, never retried here.
//
// Logged at debug level only, and only method, host, path, status and
// duration: headers, query strings and bodies carry tokens.
#include <Poco/Logger.h>

#include <chrono>
#include <vector>

#include "http/outbound_client.h"
#include "ops/metrics.h"
#include "plugins/host_api_guard.h"
#include "plugins/host_api_services.h"
#include "plugins/host_services.h"

namespace ih::host::plugins::api {

namespace {

constexpr uint32_t kDefaultTimeoutMs = 30000;

// "https://h:1/p/a?q" -> host "h:1", path "/p/a" (no query, no userinfo).
void hostAndPath(std::string_view url, std::string& host, std::string& path) {
  size_t scheme = url.find("://");
  std::string_view rest = scheme == std::string_view::npos ? url : url.substr(scheme + 3);
  size_t slash = rest.find_first_of("/?#");
  std::string_view authority = rest.substr(0, slash);
  size_t at = authority.rfind('@');
  host = std::string(at == std::string_view::npos ? authority : authority.substr(at + 1));
  std::string_view tail = slash == std::string_view::npos ? std::string_view() : rest.substr(slash);
  path = std::string(tail.substr(0, tail.find_first_of("?#")));
  if (path.empty()) path = "/";
}

struct Classified {
  ihp_status status;
  const char* label;
};

Classified classify(http::TransportError error) {
  switch (error) {
    case http::TransportError::None: return {IHP_OK, ""};
    case http::TransportError::Timeout: return {IHP_E_TIMEOUT, "timeout"};
    case http::TransportError::Unreachable: return {IHP_E_UNREACHABLE, "unreachable"};
    case http::TransportError::Reset: return {IHP_E_RESET, "reset"};
    case http::TransportError::InvalidRequest: return {IHP_E_INVALID, "invalid"};
  }
  return {IHP_E_INTERNAL, "internal"};
}

// The 1.2 rule (IHP_HTTP_REQUEST_VERIFIES_TLS): a request that holds
// tls_insecure_skip_verify is verified unless that member is exactly 1, so a
// zeroed request fails closed; an older plugin's smaller request keeps the
// meaning of verify_tls it was compiled with. `raw` is the host's copy, whose
// struct_size is still the plugin's.
bool verifiesTls(const ihp_http_request& raw) {
  if (IHP_HAS_MEMBER(ihp_http_request, raw.struct_size, tls_insecure_skip_verify) &&
      raw.tls_insecure_skip_verify > 1) {
    throw AbiViolation("request.tls_insecure_skip_verify must be 0 or 1");
  }
  return IHP_HTTP_REQUEST_VERIFIES_TLS(&raw);
}

http::OutboundRequest toOutbound(const ihp_http_request& raw) {
  http::OutboundRequest request;
  request.method = std::string(requiredText(raw.method, "request.method"));
  request.url = std::string(requiredText(raw.url, "request.url"));
  if (raw.header_count > 0 && raw.headers == nullptr) throw AbiViolation("request.headers is NULL");
  for (size_t i = 0; i < raw.header_count; ++i) {
    request.headers.emplace_back(std::string(requiredText(raw.headers[i].name, "header name")),
                                 std::string(text(raw.headers[i].value, "header value")));
  }
  request.body = std::string(text(raw.body, "request.body"));
  request.timeoutMs = raw.timeout_ms == 0 ? kDefaultTimeoutMs : raw.timeout_ms;
  request.verifyTls = verifiesTls(raw);
  return request;
}

void deliver(const ihp_http_response_sink& sink, const http::OutboundResponse& response) {
  sink.on_status(sink.self, response.status);
  for (const auto& [name, value] : response.headers)
    sink.on_header(sink.self, ihp_str{name.data(), name.size()}, ihp_str{value.data(), value.size()});
  if (!response.body.empty()) sink.on_body(sink.self, response.body.data(), response.body.size());
}

ihp_status httpSend(ihp_host_ctx* ctx, const ihp_http_request* rawRequest, const ihp_http_response_sink* rawSink) {
  return guarded(ctx, "http_send", [&]() -> ihp_status {
    ihp_host_ctx& c = context(ctx);
    const auto request = toOutbound(
        structArgument(rawRequest, "request", IHP_HTTP_REQUEST_SIZE_V1_0, &ihp_http_request::tls_insecure_skip_verify));
    const auto sink = structArgument(rawSink, "response", IHP_HTTP_RESPONSE_SINK_SIZE_V1_0,
                                     &ihp_http_response_sink::on_transport_error);
    if (sink.on_status == nullptr || sink.on_header == nullptr || sink.on_body == nullptr)
      throw AbiViolation("response sink has a NULL callback");

    const auto started = std::chrono::steady_clock::now();
    http::OutboundResult result = c.services->http.send(request);
    const auto elapsedMs =
        std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started).count();

    Classified outcome = classify(result.error);
    std::string statusLabel = outcome.status == IHP_OK ? std::to_string(result.response.status) : outcome.label;
    c.services->metrics.increment("ih_plugin_http_requests_total", {{"plugin", c.plugin->key}, {"status", statusLabel}});
    Poco::Logger& logger = Poco::Logger::get("plugin." + c.plugin->key + ".http");
    if (logger.debug()) {
      std::string host, path;
      hostAndPath(request.url, host, path);
      logger.debug("%s %s%s -> %s in %s ms", request.method, host, path, statusLabel, std::to_string(elapsedMs));
    }
    if (outcome.status != IHP_OK) {
      if (sink.on_transport_error != nullptr && !result.cause.empty()) {
        sink.on_transport_error(sink.self, ihp_str{result.cause.data(), result.cause.size()});
      }
      return outcome.status;
    }
    deliver(sink, result.response);
    return IHP_OK;
  });
}

}  // namespace

void installHttpServices(ihp_host_api& table) { table.http_send = &httpSend; }

}  // namespace ih::host::plugins::api
