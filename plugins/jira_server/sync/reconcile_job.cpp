#include "sync/reconcile_job.h"

#include <map>
#include <string>
#include <vector>

#include "client/issue_api.h"
#include "client/jira_client.h"
#include "common/keys.h"
#include "ihp/sdk/json.hpp"
#include "sync/outbound_outcome.h"
#include "sync/reconcile_payload.h"
#include "sync/sync_note.h"
#include "sync/ticket_snapshot.h"

namespace ih::jira {

namespace json = ihp::sdk::json;

namespace {

// Jira's default search page; also what one job asks about.
constexpr size_t kReconcileBatchSize = 50;
constexpr const char* kReconcileUnauthorized = "Reconcile: Jira refused the integration's credentials";

std::string keyInJql(const std::vector<ReconcileTicket>& batch) {
  std::string jql = "key in (";
  for (size_t index = 0; index < batch.size(); ++index) {
    jql += (index ? "," : "") + std::string("\"") + batch[index].key + "\"";
  }
  return jql + ")";
}

// The batch's tickets Jira returns, by their current key. validateQuery=warn:
// a deleted key becomes a warning instead of failing the whole batch.
ApiResult<std::map<std::string, IssueEvent>> searchBatch(const JiraClient& client,
                                                         const std::vector<ReconcileTicket>& batch) {
  std::map<std::string, IssueEvent> found;
  for (int64_t startAt = 0;;) {
    json::JsonBuilder body;
    body.beginObject().field("jql", keyInJql(batch)).field("startAt", startAt)
        .field("maxResults", static_cast<int64_t>(kReconcileBatchSize)).field("validateQuery", "warn")
        .key("fields").beginArray().value("assignee").value("status").value("updated").endArray().endObject();
    auto answer = client.sendJson("POST", "/rest/api/2/search", body.str());
    if (!answer) return fail(answer.error());
    json::Document doc;
    if (auto parsed = JiraClient::parseBody(answer->body, doc); !parsed) return fail(parsed.error());
    const json::Value* issues = json::member(doc, "issues");
    if (!doc.IsObject() || issues == nullptr || !issues->IsArray()) {
      return fail(ApiError::invalidResponse("search answer without issues"));
    }
    for (const auto& issue : issues->GetArray()) {
      if (auto snapshot = issueSnapshot(issue)) found[snapshot->issueKey] = std::move(*snapshot);
    }
    startAt += static_cast<int64_t>(issues->Size());
    if (issues->Empty() || startAt >= json::int64(doc, "total").value_or(0)) return found;
  }
}

// A ticket the search did not return, by its key: moved (a snapshot under
// the new key) or gone (none, 404).
ApiResult<std::optional<IssueEvent>> readByKey(const JiraClient& client, const std::string& key) {
  auto body = client.get(IssueApi::issuePath(key) + "?fields=assignee,status,updated");
  if (!body) {
    if (body.error().isNotFound()) return std::optional<IssueEvent>();
    return fail(body.error());
  }
  json::Document doc;
  if (auto parsed = JiraClient::parseBody(body.value(), doc); !parsed) return fail(parsed.error());
  auto snapshot = issueSnapshot(doc);
  if (!snapshot) return fail(ApiError::invalidResponse("issue without a key"));
  if (snapshot->issueKey != key) snapshot->keyChange = KeyChange{key, snapshot->issueKey};
  return std::optional<IssueEvent>(std::move(*snapshot));
}

ihp_status enqueueRest(const ihp::sdk::Host& host, const ReconcilePayload& payload) {
  ReconcilePayload rest{payload.organizationId, payload.integrationId,
                        {payload.tickets.begin() + kReconcileBatchSize, payload.tickets.end()}};
  ihp::sdk::Host::JobSpec spec;
  spec.kind = std::string(keys::kJobReconcile);
  spec.payloadJson = rest.toJson();
  spec.orderingKey = reconcileOrderingKey(payload.integrationId, payload.organizationId);
  spec.organizationId = payload.organizationId;
  spec.integrationId = payload.integrationId;
  return host.enqueue(spec);
}

}  // namespace

ihp_status runReconcileJob(const ihp::sdk::Host& host, const ihp_job& job, ihp::sdk::Reply& reply,
                           ResponseCache& cache) {
  auto payload = ReconcilePayload::fromJson(ihp::sdk::view(job.payload_json));
  if (!payload) return giveUp(host, reply, "malformed reconcile payload");
  ihp_status status = IHP_OK;
  auto connection = connectionForJob(host, payload->integrationId, payload->organizationId, reply, status);
  if (!connection) return status;
  const JiraClient client(host, std::move(*connection), &cache);

  // No ticket linked (an owner's start, or every link gone): nothing to ask
  // Jira, whose JQL refuses an empty `key in ()`.
  if (payload->tickets.empty()) return IHP_OK;
  const std::vector<ReconcileTicket> batch(
      payload->tickets.begin(), payload->tickets.begin() + std::min(kReconcileBatchSize, payload->tickets.size()));
  const OutboundTarget target{payload->organizationId, 0, ""};
  const FailureTexts texts{kReconcileUnauthorized, "Reconcile could not read the tickets from Jira"};
  auto found = searchBatch(client, batch);
  if (!found) return outboundFailure(host, reply, target, found.error(), texts);

  int moved = 0, gone = 0;
  for (const auto& ticket : batch) {
    auto hit = found->find(ticket.key);
    std::optional<IssueEvent> snapshot;
    if (hit != found->end()) {
      snapshot = hit->second;
    } else {
      auto read = readByKey(client, ticket.key);
      if (!read) return outboundFailure(host, reply, target, read.error(), texts);
      snapshot = std::move(read.value());
    }
    if (!snapshot) {
      // Deleted in Jira: marked on the link, so later runs leave it out.
      ++gone;
      host.warn("reconcile: " + ticket.key + " is gone from Jira (404)");
      noteInboundInOrg(host, payload->organizationId, payload->integrationId, ticket.key, "reconcile",
                       IHP_SYNC_SKIPPED, "skipped: the ticket is gone from Jira (404); its link is marked gone");
      if (ticket.externalIssueId != 0) {
        host.externalIssueMarkGone(payload->organizationId, ticket.externalIssueId, "deleted in Jira (404 on reconcile)");
      }
      continue;
    }
    if (snapshot->keyChange) ++moved;
    // The assignee and status paths write their own lines (applied, or
    // skipped as older than the host's mark), as for a webhook.
    if (ihp_status applied = applyTicketSnapshot(host, payload->integrationId, *snapshot); applied != IHP_OK) {
      reply.error("the host could not apply a reconciled ticket");
      return IHP_E_RETRY;  // a host hiccup: the whole batch again (applying is idempotent)
    }
  }
  if (payload->tickets.size() > kReconcileBatchSize) {
    if (ihp_status queued = enqueueRest(host, *payload); queued != IHP_OK) {
      reply.error("the host could not queue the rest of the reconcile");
      return IHP_E_RETRY;
    }
  }
  host.info("reconcile: organization " + std::to_string(payload->organizationId) + " checked " +
            std::to_string(batch.size()) + " ticket(s), " + std::to_string(moved) + " moved, " + std::to_string(gone) +
            " gone, " + std::to_string(payload->tickets.size() - batch.size()) + " to go");
  return IHP_OK;
}

}  // namespace ih::jira
