#include "rest/webhook_resource.h"

#include <cstdlib>
#include <memory>

#include "common/json.h"
#include "common/wall_clock.h"

namespace ih::mock {
namespace {

using Spec = std::shared_ptr<const WebhookGenerationSpec>;

HttpResponse messagesResponse(int status, const std::string& message) {
  json::JsonBuilder out;
  out.beginObject().key("messages").beginArray().beginObject().field("key", message).endObject().endArray().endObject();
  return HttpResponse::json(status, out.str());
}

std::optional<HttpResponse> refuseUnlessAdmin(const RestCall& call, const std::string& verb, const std::string& name) {
  bool admin = call.services.state.read([&](const JiraModel& m) {
    const auto* user = m.findUser(call.user);
    return user != nullptr && user->admin;
  });
  if (admin) return std::nullopt;
  return messagesResponse(403, "You do not have permission to " + verb + " WebHook '" + name + "'.");
}

std::optional<HttpResponse> refuseInvalid(const Webhook& webhook) {
  json::JsonBuilder out;
  out.beginObject().key("errors").beginObject();
  bool invalid = false;
  if (webhook.name.empty()) {
    out.field("name", "The name of the WebHook must be provided.");
    invalid = true;
  }
  if (webhook.url.empty()) {
    out.field("url", "The URL of the WebHook must be provided.");
    invalid = true;
  } else if (webhook.url.rfind("http://", 0) != 0 && webhook.url.rfind("https://", 0) != 0) {
    out.field("url", "The URL of the WebHook must be a valid http or https URL.");
    invalid = true;
  }
  out.endObject().endObject();
  if (!invalid) return std::nullopt;
  return HttpResponse::json(400, out.str());
}

HttpResponse notFound(const RestCall& call) { return messagesResponse(404, "No WebHook with id " + call.param("id") + "."); }

std::int64_t pathId(const RestCall& call) {
  const auto& text = call.param("id");
  char* end = nullptr;
  long long id = std::strtoll(text.c_str(), &end, 10);
  return text.empty() || *end != '\0' ? -1 : id;
}

std::string render(const Spec& spec, const JiraModel& model, const Webhook& webhook, const std::string& baseUrl) {
  json::JsonBuilder out;
  spec->writeWebhook(out, model, webhook, baseUrl);
  return out.str();
}

RestHandler createHandler(Spec spec) {
  return [spec](const RestCall& call) {
    auto body = call.jsonBody();
    Webhook webhook;
    webhook.generation = spec->generation;
    spec->readFields(body, webhook);
    if (auto refusal = refuseUnlessAdmin(call, "create", webhook.name)) return *refusal;
    if (auto refusal = refuseInvalid(webhook)) return *refusal;
    auto json = call.services.state.write([&](JiraModel& model) {
      webhook.id = model.nextWebhookId++;
      webhook.lastUpdatedUser = call.user;
      webhook.createdMs = webhook.updatedMs = nowMillis();
      model.webhooks.push_back(webhook);
      return render(spec, model, webhook, call.services.baseUrl);
    });
    return HttpResponse::json(201, json);
  };
}

RestHandler listHandler(Spec spec) {
  return [spec](const RestCall& call) {
    return renderJson(call, 200, [&](const JiraModel& model, const ViewContext&) {
      json::JsonBuilder out;
      out.beginArray();
      for (const auto& w : model.webhooks) {
        if (w.generation == spec->generation) spec->writeWebhook(out, model, w, call.services.baseUrl);
      }
      out.endArray();
      return out.str();
    });
  };
}

RestHandler getHandler(Spec spec) {
  return [spec](const RestCall& call) {
    auto json = call.services.state.write([&](JiraModel& model) -> std::optional<std::string> {
      const auto* webhook = model.findWebhook(spec->generation, pathId(call));
      return webhook != nullptr ? std::optional(render(spec, model, *webhook, call.services.baseUrl)) : std::nullopt;
    });
    return json ? HttpResponse::json(200, *json) : notFound(call);
  };
}

RestHandler updateHandler(Spec spec) {
  return [spec](const RestCall& call) {
    auto body = call.jsonBody();
    if (auto refusal = refuseUnlessAdmin(call, "update", json::string(body, "name").value_or(call.param("id")))) {
      return *refusal;
    }
    std::optional<HttpResponse> invalid;
    auto json = call.services.state.write([&](JiraModel& model) -> std::optional<std::string> {
      auto* webhook = model.findWebhook(spec->generation, pathId(call));
      if (webhook == nullptr) return std::nullopt;
      Webhook updated = *webhook;
      spec->readFields(body, updated);
      if ((invalid = refuseInvalid(updated))) return std::nullopt;
      updated.lastUpdatedUser = call.user;
      updated.updatedMs = nowMillis();
      *webhook = updated;
      return render(spec, model, updated, call.services.baseUrl);
    });
    if (invalid) return *invalid;
    return json ? HttpResponse::json(200, *json) : notFound(call);
  };
}

RestHandler deleteHandler(Spec spec) {
  return [spec](const RestCall& call) {
    if (auto refusal = refuseUnlessAdmin(call, "delete", call.param("id"))) return *refusal;
    bool removed = call.services.state.write([&](JiraModel& model) {
      const auto id = pathId(call);
      return std::erase_if(model.webhooks, [&](const Webhook& w) { return w.generation == spec->generation && w.id == id; }) > 0;
    });
    return removed ? HttpResponse::noContent() : notFound(call);
  };
}

}  // namespace

void readCommonWebhookFields(const rapidjson::Value& body, Webhook& webhook) {
  if (auto name = json::string(body, "name")) webhook.name = *name;
  if (auto url = json::string(body, "url")) webhook.url = *url;
  if (json::member(body, "events") != nullptr) webhook.events = json::stringArray(body, "events");
}

void registerWebhookRoutes(RouteTable& routes, WebhookGenerationSpec spec) {
  auto shared = std::make_shared<const WebhookGenerationSpec>(std::move(spec));
  const auto& collection = shared->collectionPath;
  const auto item = collection + "/{id}";
  const auto availability = shared->availability;
  routes.add("POST", collection, createHandler(shared), false, availability);
  routes.add("GET", collection, listHandler(shared), false, availability);
  routes.add("GET", item, getHandler(shared), false, availability);
  routes.add("PUT", item, updateHandler(shared), false, availability);
  routes.add("DELETE", item, deleteHandler(shared), false, availability);
}

}  // namespace ih::mock
