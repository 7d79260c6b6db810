// Control routes over webhook deliveries: the attempt log, the pending queue, hold /
// deliver / drop steering, ordered or reversed release, and (in replay mode) sending a
// recorded delivery to the webhook the client registered.
#include "common/json.h"
#include "control/control_router.h"
#include "webhooks/hub_signature.h"

namespace ih::mock {
namespace {

void writeDelivery(json::JsonBuilder& out, const Delivery& delivery) {
  out.field("id", delivery.sequence).field("webhookId", delivery.webhookId).field("event", delivery.event)
      .field("url", delivery.url).key("headers").beginObject();
  for (const auto& [name, value] : delivery.headers) out.field(name, value);
  out.endObject().field("body", delivery.body);
}

HttpResponse attemptsJson(const std::vector<DeliveryAttempt>& attempts) {
  json::JsonBuilder out;
  out.beginArray();
  for (const auto& attempt : attempts) {
    out.beginObject();
    writeDelivery(out, attempt.delivery);
    out.key("status");
    if (attempt.status > 0) out.value(attempt.status); else out.null();
    out.key("error");
    if (attempt.error.empty()) out.null(); else out.value(attempt.error);
    out.field("state", attempt.state).field("time", attempt.atMs).endObject();
  }
  out.endArray();
  return HttpResponse::json(200, out.str());
}

HttpResponse pendingJson(const std::vector<Delivery>& pending) {
  json::JsonBuilder out;
  out.beginArray();
  for (const auto& delivery : pending) {
    out.beginObject();
    writeDelivery(out, delivery);
    out.endObject();
  }
  out.endArray();
  return HttpResponse::json(200, out.str());
}

const char* modeName(DeliveryMode mode) {
  switch (mode) {
    case DeliveryMode::kHold: return "hold";
    case DeliveryMode::kDrop: return "drop";
    case DeliveryMode::kDeliver: break;
  }
  return "deliver";
}

HttpResponse queueState(ControlServices& services) {
  json::JsonBuilder out;
  out.beginObject().field("mode", modeName(services.deliveries.mode()))
      .field("pending", static_cast<std::int64_t>(services.deliveries.pending().size())).endObject();
  return HttpResponse::json(200, out.str());
}

HttpResponse steer(ControlServices& services, const RestCall& call) {
  auto body = call.jsonBody();
  if (auto mode = json::string(body, "mode")) {
    if (*mode == "hold") {
      services.deliveries.setMode(DeliveryMode::kHold);
    } else if (*mode == "drop") {
      services.deliveries.setMode(DeliveryMode::kDrop);
    } else if (*mode == "deliver") {
      services.deliveries.setMode(DeliveryMode::kDeliver);
    } else {
      return controlError(400, "mode must be \"hold\", \"deliver\" or \"drop\"");
    }
  }
  if (auto drop = json::int64(body, "dropNext")) services.deliveries.dropNext(static_cast<int>(*drop));
  return queueState(services);
}

HttpResponse release(ControlServices& services, const RestCall& call) {
  auto body = call.jsonBody();
  if (auto id = json::int64(body, "id")) {
    // One delivery by the id GET /_mock/deliveries/pending shows; the rest stay held, so a
    // recording session hands the client exactly the deliveries its scenario replays.
    const bool released = services.deliveries.releaseOne(*id);
    if (!released) return controlError(404, "no held delivery " + std::to_string(*id));
    return HttpResponse::json(200, R"({"released":1})");
  }
  auto order = json::string(body, "order").value_or("fifo");
  if (order != "fifo" && order != "reverse") return controlError(400, "order must be \"fifo\" or \"reverse\"");
  json::JsonBuilder out;
  out.beginObject().field("released", static_cast<std::int64_t>(services.deliveries.release(order == "reverse"))).endObject();
  return HttpResponse::json(200, out.str());
}

// Sends cassette delivery {index} with placeholders restored from the replay's bindings
// (the webhook URL token and secret the client registered), signed when a secret is bound.
HttpResponse replayDelivery(ControlServices& services, const RestCall& call) {
  if (services.replayer == nullptr) return controlError(404, "not in replay mode");
  const auto recorded = services.replayer->deliveries();
  const auto index = static_cast<std::size_t>(std::atoll(call.param("index").c_str()));
  if (index >= recorded.size()) return controlError(404, "no recorded delivery " + call.param("index"));
  auto body = call.jsonBody();
  Delivery delivery;
  delivery.webhookId = recorded[index].webhookId;
  delivery.event = recorded[index].event;
  delivery.url = json::string(body, "url").value_or(services.replayer->restore(recorded[index].url));
  delivery.body = services.replayer->restore(recorded[index].body);
  delivery.headers.emplace_back("content-type", "application/json; charset=UTF-8");
  auto secret = json::string(body, "secret");
  if (!secret) secret = services.replayer->boundValue("<<WEBHOOK_SECRET>>");
  if (secret && !secret->empty()) delivery.headers.emplace_back("x-hub-signature", hubSignature(*secret, delivery.body));
  services.deliveries.enqueue(delivery);
  return HttpResponse::json(202, "{}");
}

}  // namespace

void registerDeliveryControls(ControlRegistry& registry, ControlServices& services) {
  registry.add("GET", "/_mock/deliveries", "delivery attempts [{url, body, status, error, state, event, headers, webhookId}]",
               [&](const RestCall&) { return attemptsJson(services.deliveries.attempts()); });
  registry.add("DELETE", "/_mock/deliveries", "forget the delivery attempts", [&](const RestCall&) {
    services.deliveries.clearAttempts();
    return HttpResponse::noContent();
  });
  registry.add("GET", "/_mock/deliveries/pending", "deliveries held or not yet attempted",
               [&](const RestCall&) { return pendingJson(services.deliveries.pending()); });
  registry.add("POST", "/_mock/deliveries/control", "{mode?: hold|deliver|drop, dropNext?: N}",
               [&](const RestCall& call) { return steer(services, call); });
  registry.add("POST", "/_mock/deliveries/release", "{order?: fifo|reverse} or {id}: send the held deliveries, or only held delivery id",
               [&](const RestCall& call) { return release(services, call); });
  registry.add("POST", "/_mock/replay/deliveries/{index}", "replay mode: send recorded delivery N {url?, secret?}",
               [&](const RestCall& call) { return replayDelivery(services, call); });
}

}  // namespace ih::mock
