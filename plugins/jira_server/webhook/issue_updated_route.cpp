#include "webhook/issue_updated_route.h"

#include <optional>
#include <string>

#include "common/replies.h"
#include "ihp/sdk/hex.hpp"
#include "ihp/sdk/reply.hpp"
#include "sync/ticket_snapshot.h"
#include "webhook/hub_signature.h"
#include "webhook/issue_event.h"
#include "webhook/token_validator.h"

namespace ih::jira {

namespace {

constexpr std::string_view kInvalidTokenCounter = "webhook_invalid_token_total";

// How far ahead of the host's clock a delivery may be dated. Clocks drift and
// Jira stamps its own time, so a little is normal; a time days ahead would
// move the ticket's watermark there and every genuine change until then
// would look older and be ignored (inbound sync frozen for that ticket).
constexpr int64_t kMaxFutureSkewMs = 24LL * 60 * 60 * 1000;

std::optional<std::string_view> find(const ihp_header* pairs, size_t count, std::string_view name) {
  for (size_t i = 0; i < count; ++i) {
    if (ihp::sdk::view(pairs[i].name) == name) return ihp::sdk::view(pairs[i].value);
  }
  return std::nullopt;
}

// A short, non-reversible tag of the token so log lines of one sender can be
// correlated; the token itself never reaches a log.
std::string tokenTag(const ihp::sdk::Host& host, std::string_view token) {
  auto digest = host.hmacSha256("jira_server.webhook-token-tag", token);
  return digest ? ihp::sdk::hex::encode(digest.value).substr(0, 8) : std::string("unknown");
}

ihp_status rejectDelivery(const ihp::sdk::Host& host, ihp::sdk::Reply& reply, std::string_view label,
                          std::string_view reason, std::string_view token) {
  host.warn("token-validation-error: " + std::string(reason) + " (token#" + tokenTag(host, token) + ")");
  host.count(kInvalidTokenCounter, "reason", label);
  replyEmpty(reply, 400);
  return IHP_OK;
}

ihp_status internalFailure(ihp::sdk::Reply& reply) {
  replyEmpty(reply, 500);
  return IHP_OK;
}

}  // namespace

ihp_status handleIssueUpdated(const ihp::sdk::Host& host, const ihp_request& request, ihp::sdk::Reply& reply) {
  const std::string_view token = find(request.path_params, request.path_param_count, "token").value_or("");
  auto integration = validateWebhookToken(host, token);
  if (!integration) {
    if (integration.error() == TokenFailure::HostError) {
      host.error("webhook: the host could not look up the integration");
      return internalFailure(reply);
    }
    return rejectDelivery(host, reply, tokenFailureLabel(integration.error()), tokenFailureReason(integration.error()),
                          token);
  }

  const std::string_view body = ihp::sdk::view(request.body);
  auto hubHeader = find(request.headers, request.header_count, "x-hub-signature");
  if (checkHubSignature(host, hubHeader, integration->dcWebhookSecret, body) == HubSignatureCheck::Invalid) {
    return rejectDelivery(host, reply, "hub_signature", "X-Hub-Signature did not match the body", token);
  }

  ParsedPayload payload = parseIssuePayload(body);
  switch (payload.kind) {
    case ParsedPayload::Kind::Invalid:
      host.warn("invalid-payload: " + payload.problem);
      replyDetail(reply, 400, "Invalid payload: " + payload.problem);
      return IHP_OK;
    case ParsedPayload::Kind::NoChangelog:
      host.debug("missing-changelog");
      replyEmpty(reply, 200);
      return IHP_OK;
    case ParsedPayload::Kind::Malformed:
      host.warn("malformed-payload: " + payload.problem);
      replyDetail(reply, 400, "Malformed payload: " + payload.problem);
      return IHP_OK;
    case ParsedPayload::Kind::Event: break;
  }

  const IssueEvent& event = payload.event;
  if (const int64_t now = host.nowMs(); event.latestStatedTimeMs > now + kMaxFutureSkewMs) {
    const std::string ahead = std::to_string((event.latestStatedTimeMs - now) / 1000) + " s ahead of the host's clock";
    host.warn("future-time: issue=" + event.issueKey + " is dated " + ahead + "; ignored");
    host.count("webhook_future_time_total");
    replyDetail(reply, 400, "The delivery is dated " + ahead + " (more than a day); it was ignored.");
    return IHP_OK;
  }
  // Jira never retries a delivery, so its 200 must not wait for the sync
  // itself: a host that can keep the delivery applies it later (APPLY phase,
  // which checks everything above again) and answers once it is on disk.
  if (ihp::sdk::phaseOf(request) == IHP_REQUEST_PHASE_ACCEPT && reply.defer()) {
    replyEmpty(reply, 200);
    return IHP_OK;
  }
  if (applyTicketSnapshot(host, integration->id, event) != IHP_OK) return internalFailure(reply);
  replyEmpty(reply, 200);
  return IHP_OK;
}

}  // namespace ih::jira
