// The webhook inbox for the host's operator (superuser): requests that were
// acknowledged and then given up after their last attempt are kept, never
// dropped; here they are seen, sent back to the applier, or discarded.
//   GET /api/0/webhook-inbox/?state=dead|pending&after=ID  (oldest 100 past ID)
//   POST /api/0/webhook-inbox/{id}/retry/ -> 202: due again now, attempts reset
//   DELETE /api/0/webhook-inbox/{id}/ -> 204
// The rows belong to no organization until a plugin applies them, so only
// the superuser sees them; an answer shows the route pattern, never the
// request's path, headers or body (a webhook path carries its secret token).
#include <Poco/Logger.h>

#include "api/api_router.h"
#include "api/json_input.h"
#include "api/json_response.h"
#include "api/route_groups.h"
#include "api/serializers.h"
#include "common/errors.h"
#include "inbox/webhook_inbox.h"
#include "plugins/loaded_plugin.h"
#include "plugins/plugin_registry.h"
#include "storage/inbox_repository.h"

namespace ih::host::api {

namespace {

constexpr size_t kPageSize = 100;

Poco::Logger& logger() { return Poco::Logger::get("ih.inbox"); }

bool wantsDead(const std::optional<std::string>& state) {
  if (!state || state->empty() || *state == "dead") return true;
  if (*state == "pending") return false;
  throw ValidationError("state", "Expected dead or pending.");
}

// The plugin route the request was stored for, with its parameters unfilled.
std::string routeOf(const plugins::PluginRegistry& plugins, const storage::InboxEntry& entry) {
  const std::optional<plugins::RouteMatch> match = plugins.matchRoute(entry.method, entry.path);
  if (!match || match->plugin->info().key != entry.pluginKey) return "";
  return match->plugin->info().routes.at(match->routeIndex).pathPattern;
}

http::Response listInbox(ApiCall& call) {
  const bool dead = wantsDead(call.request.queryParam("state"));
  int64_t after = 0;
  if (const std::optional<std::string> text = call.request.queryParam("after"); text && !text->empty()) {
    const std::optional<int64_t> id = parseId(*text);
    if (!id) throw ValidationError("after", "Expected an id.");
    after = *id;
  }
  const std::vector<storage::InboxEntry> entries =
      storage::InboxRepository(call.uow).list(dead, after, kPageSize);
  return jsonListResponse(200, entries, [&](ihp::sdk::json::JsonBuilder& b, const storage::InboxEntry& entry) {
    b.beginObject()
        .field("id", idString(entry.id))
        .field("plugin", entry.pluginKey)
        .field("method", entry.method)
        .field("route", routeOf(call.services.plugins, entry))
        .field("state", entry.dead ? "dead" : "pending")
        .field("attempts", static_cast<int64_t>(entry.attempts))
        .field("lastError", entry.lastError)
        .field("receivedAt", isoTimestamp(entry.receivedAt))
        .field("retryAt", isoTimestamp(entry.retryAt))
        .endObject();
  });
}

http::Response retryDead(ApiCall& call) {
  const int64_t id = pathId(call.request, "id");
  if (!storage::InboxRepository(call.uow).revive(id)) throw NotFoundError("no dead webhook request " + std::to_string(id));
  logger().notice("webhook inbox: request %?d sent back to be applied by the superuser", id);
  // With deferred applying off the applier still runs, and finds it on its
  // next look (every second).
  if (inbox::WebhookInbox* inbox = call.services.inbox) call.uow.afterCommit([inbox] { inbox->applier().wake(); });
  return jsonResponse(202, [&](ihp::sdk::json::JsonBuilder& b) { b.beginObject().field("id", idString(id)).endObject(); });
}

http::Response discardDead(ApiCall& call) {
  const int64_t id = pathId(call.request, "id");
  if (!storage::InboxRepository(call.uow).discard(id)) {
    throw NotFoundError("no dead webhook request " + std::to_string(id));
  }
  logger().notice("webhook inbox: dead request %?d discarded by the superuser", id);
  return http::Response::noContent();
}

}  // namespace

void registerWebhookInboxRoutes(ApiRouter& api) {
  api.add("GET", "/api/0/webhook-inbox/", Access::Superuser, listInbox);
  api.add("POST", "/api/0/webhook-inbox/{id}/retry/", Access::Superuser, retryDead);
  api.add("DELETE", "/api/0/webhook-inbox/{id}/", Access::Superuser, discardDead);
}

}  // namespace ih::host::api
