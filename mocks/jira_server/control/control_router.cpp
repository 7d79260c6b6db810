#include "control/control_router.h"

#include "actions/jira_error.h"
#include "common/json.h"
#include "common/random_token.h"
#include "common/wall_clock.h"
#include "state/seed_loader.h"

namespace ih::mock {
namespace {

HttpResponse settingsJson(ControlServices& services) {
  const MockConfig& config = services.config;
  const Settings settings = services.state.read([](const JiraModel& m) { return m.settings; });
  const auto numbers = settings.versionNumbers();
  json::JsonBuilder out;
  out.beginObject().field("baseUrl", config.baseUrl).field("contextPath", config.contextPath)
      .field("mode", config.replaying() ? "replay" : config.proxying() ? "proxy" : "stateful")
      .field("recording", config.recording()).field("version", settings.version).key("versionNumbers").beginArray().value(numbers[0])
      .value(numbers[1]).value(numbers[2]).endArray().field("emailVisibility", settings.emailVisibility)
      .field("deliverWebhooks", services.deliveries.mode() != DeliveryMode::kDrop)
      .rawField("rateLimit", services.rateLimiter.settingsJson()).endObject();
  return HttpResponse::json(200, out.str());
}

// rateLimit: {"capacity","fillRate","intervalSeconds"} (each at least 1) or null (off).
std::optional<std::string> readRateLimit(const rapidjson::Value& value, RateLimitSettings& settings) {
  if (!value.IsObject()) return "rateLimit must be an object or null";
  for (auto [key, target] : {std::pair{"capacity", &settings.capacity}, std::pair{"fillRate", &settings.fillRate},
                             std::pair{"intervalSeconds", &settings.intervalSeconds}}) {
    auto number = json::int64(value, key);
    if (!number || *number < 1 || *number > 1000000) return std::string("rateLimit.") + key + " must be 1..1000000";
    *target = static_cast<int>(*number);
  }
  return std::nullopt;
}

// Validates everything before changing anything: a refused body changes nothing.
HttpResponse changeSettings(ControlServices& services, const RestCall& call) {
  auto body = call.jsonBody();
  const rapidjson::Value* rateLimit = json::member(body, "rateLimit");
  RateLimitSettings limit;
  if (rateLimit != nullptr && !rateLimit->IsNull()) {
    if (auto problem = readRateLimit(*rateLimit, limit)) return controlError(400, *problem);
  }
  const rapidjson::Value* deliver = json::member(body, "deliverWebhooks");
  if (deliver != nullptr && !deliver->IsBool()) return controlError(400, "deliverWebhooks must be true or false");

  services.state.write([&](JiraModel& model) {
    if (auto version = json::string(body, "version")) model.settings.version = *version;
    if (auto visible = json::boolean(body, "emailVisibility")) model.settings.emailVisibility = *visible;
    return 0;
  });
  // Dropped as an overflowing Jira queue drops them: lost, never retried.
  if (deliver != nullptr) services.deliveries.setMode(deliver->GetBool() ? DeliveryMode::kDeliver : DeliveryMode::kDrop);
  if (rateLimit != nullptr) {
    if (rateLimit->IsNull()) {
      services.rateLimiter.disable();
    } else {
      services.rateLimiter.configure(limit, nowMillis());
    }
  }
  return settingsJson(services);
}

void writeWebhook(json::JsonBuilder& out, const Webhook& webhook) {
  out.beginObject().field("id", webhook.id)
      .field("generation", webhook.generation == WebhookGeneration::kLegacy ? "legacy" : "dc")
      .field("name", webhook.name).field("url", webhook.url).key("events").beginArray();
  for (const auto& event : webhook.events) out.value(event);
  out.endArray().field("active", webhook.active).field("excludeBody", webhook.excludeBody)
      .field("secret", webhook.secret).field("jqlFilter", webhook.jqlFilter).endObject();
}

HttpResponse listWebhooks(ControlServices& services) {
  json::JsonBuilder out;
  out.beginArray();
  if (services.replayer != nullptr) {
    for (const auto& body : services.replayer->registeredWebhooks()) out.raw(looksLikeJson(body) ? body : "null");
  } else {
    services.state.read([&](const JiraModel& model) {
      for (const auto& webhook : model.webhooks) writeWebhook(out, webhook);
      return 0;
    });
  }
  out.endArray();
  return HttpResponse::json(200, out.str());
}

HttpResponse approve(ControlServices& services, const RestCall& call) {
  auto body = call.jsonBody();
  auto token = json::string(body, "oauthToken");
  auto user = json::string(body, "user");
  if (!token || !user) return controlError(400, "oauthToken and user are required");
  bool known = services.state.read([&](const JiraModel& m) { return m.findUser(*user) != nullptr; });
  if (!known && services.replayer == nullptr) return controlError(400, "unknown user '" + *user + "'");
  // In replay mode the request token came from a recorded answer, not from this mock.
  auto verifier = services.replayer != nullptr ? std::optional(randomAlphanumeric(6)) : services.tokens.approve(*token, *user);
  if (!verifier) return controlError(404, "unknown request token '" + *token + "'");
  json::JsonBuilder out;
  out.beginObject().field("oauth_token", *token).field("oauth_verifier", *verifier).endObject();
  return HttpResponse::json(200, out.str());
}

}  // namespace

void ControlRegistry::add(const std::string& method, const std::string& path, const std::string& description,
                          RestHandler handler) {
  routes_.add(method, path, std::move(handler), true);
  listing_.push_back(ControlRouteInfo{method, path, description});
}

HttpResponse controlError(int status, const std::string& message) {
  json::JsonBuilder out;
  out.beginObject().field("error", message).endObject();
  return HttpResponse::json(status, out.str());
}

std::string actorOf(const RestCall& call, const rapidjson::Value& body) {
  if (auto actor = json::string(body, "actor")) return *actor;
  return call.services.state.read([](const JiraModel& m) {
    for (const auto& user : m.users) {
      if (user.admin) return user.name;
    }
    return std::string();
  });
}

void registerStateControls(ControlRegistry& registry, ControlServices& services) {
  registry.add("POST", "/_mock/seed", "merge seed JSON into the model", [&](const RestCall& call) {
    try {
      services.state.write([&](JiraModel& model) { applySeed(model, call.request.body, nowMillis()); return 0; });
    } catch (const std::exception& e) {
      return controlError(400, e.what());
    }
    return HttpResponse::json(200, "{}");
  });
  registry.add("GET", "/_mock/settings",
               "base URL, context path, mode, version, email visibility, webhook delivery and rate limit",
               [&](const RestCall&) { return settingsJson(services); });
  registry.add("POST", "/_mock/settings",
               "{version?, emailVisibility?, deliverWebhooks?: bool, rateLimit?: {capacity, fillRate, intervalSeconds} | null}",
               [&](const RestCall& call) { return changeSettings(services, call); });
  registry.add("POST", "/_mock/oauth/approve", "{oauthToken, user}: approve a request token as that user",
               [&](const RestCall& call) { return approve(services, call); });
  registry.add("POST", "/_mock/oauth/expire", "{oauthToken}: expire a request or access token", [&](const RestCall& call) {
    auto token = json::string(call.jsonBody(), "oauthToken");
    if (!token) return controlError(400, "oauthToken is required");
    return services.tokens.expire(*token) ? HttpResponse::json(200, "{}") : controlError(404, "unknown token '" + *token + "'");
  });
  registry.add("GET", "/_mock/webhooks", "registered webhooks (replay: the bodies the client POSTed)",
               [&](const RestCall&) { return listWebhooks(services); });
}

ControlRouter::ControlRouter(ControlServices& services, RestServices& restServices) : restServices_(restServices) {
  ControlRegistry registry(routes_, listing_);
  registry.add("GET", "/_mock", "this list", [this](const RestCall&) {
    json::JsonBuilder out;
    out.beginArray();
    for (const auto& route : listing_) {
      out.beginObject().field("method", route.method).field("path", route.path).field("description", route.description).endObject();
    }
    out.endArray();
    return HttpResponse::json(200, out.str());
  });
  registerStateControls(registry, services);
  registerIssueControls(registry, services);
  registerDeliveryControls(registry, services);
  registerDiagnosticControls(registry, services);
}

HttpResponse ControlRouter::handle(const HttpRequest& request) {
  std::string path = request.path;
  if (path.size() > 1 && path.back() == '/') path.pop_back();
  auto match = routes_.match(request.method, path, 0);
  if (match.route == nullptr) {
    return controlError(match.pathKnown ? 405 : 404, "no control route " + request.method + " " + request.path);
  }
  try {
    return match.route->handler(RestCall{request, std::move(match.params), "", restServices_});
  } catch (const JiraError& e) {
    return controlError(e.status(), e.what());
  } catch (const std::exception& e) {
    return controlError(500, e.what());
  }
}

}  // namespace ih::mock
