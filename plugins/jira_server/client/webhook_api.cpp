#include "client/webhook_api.h"

#include "client/url_parts.h"
#include "ihp/sdk/url.hpp"
#include "common/strings.h"

namespace ih::jira {

namespace json = ihp::sdk::json;

std::string_view generationName(WebhookGeneration generation) {
  return generation == WebhookGeneration::JiraWebhook ? "jira-webhook" : "legacy";
}

std::optional<WebhookGeneration> generationFromName(std::string_view name) {
  if (name == "jira-webhook") return WebhookGeneration::JiraWebhook;
  if (name == "legacy") return WebhookGeneration::Legacy;
  return std::nullopt;
}

WebhookGeneration generationForMajorVersion(int majorVersion) {
  return majorVersion >= 10 ? WebhookGeneration::JiraWebhook : WebhookGeneration::Legacy;
}

std::string WebhookApi::collectionPath() const {
  return generation_ == WebhookGeneration::JiraWebhook ? "/rest/jira-webhook/1.0/webhooks"
                                                       : "/rest/webhooks/1.0/webhook";
}

std::string WebhookApi::body(const WebhookSpec& spec) const {
  json::JsonBuilder out;
  out.beginObject().field("name", spec.name).field("url", spec.url).key("events").beginArray();
  for (const auto& event : spec.events) out.value(event);
  out.endArray();
  if (generation_ == WebhookGeneration::JiraWebhook) {
    // DC 10 ignores a top-level "secret"; EXCLUDE_BODY is a string there.
    out.field("active", true).key("configuration").beginObject();
    if (!spec.secret.empty()) out.field("SECRET", spec.secret);
    out.field("EXCLUDE_BODY", "false").endObject();
  }
  out.endObject();
  return out.str();
}

std::optional<std::string> WebhookApi::idOf(const json::Value& bean) {
  if (const json::Value* id = json::member(bean, "id")) {
    if (id->IsInt64()) return std::to_string(id->GetInt64());
    if (id->IsString() && id->GetStringLength() > 0) return std::string(id->GetString(), id->GetStringLength());
  }
  if (auto self = json::string(bean, "self")) {
    std::string segment = url::lastPathSegment(*self);
    if (!segment.empty()) return segment;
  }
  return std::nullopt;
}

ApiResult<std::optional<std::string>> WebhookApi::create(const WebhookSpec& spec) const {
  auto response = client_.sendJson("POST", collectionPath(), body(spec));
  if (!response) return fail(response.error());
  if (trimWhitespace(response->body).empty()) return std::optional<std::string>();
  json::Document doc;
  if (!json::parse(response->body, doc)) return std::optional<std::string>();
  return idOf(doc);
}

ApiResult<std::optional<WebhookInfo>> WebhookApi::find(std::string_view id) const {
  auto body = client_.get(collectionPath() + "/" + ihp::sdk::url::percentEncode(id));
  if (!body) {
    if (body.error().isNotFound()) return std::optional<WebhookInfo>();
    return fail(body.error());
  }
  json::Document doc;
  if (auto parsed = JiraClient::parseBody(body.value(), doc); !parsed) return fail(parsed.error());
  WebhookInfo info;
  info.id = idOf(doc).value_or(std::string(id));
  info.url = json::stringOr(doc, "url");
  return std::optional<WebhookInfo>(std::move(info));
}

ApiResult<Done> WebhookApi::remove(std::string_view id) const {
  JiraRequest request;
  request.method = "DELETE";
  request.path = collectionPath() + "/" + ihp::sdk::url::percentEncode(id);
  auto response = client_.send(request);
  if (!response && !response.error().isNotFound()) return fail(response.error());
  return Done{};
}

}  // namespace ih::jira
