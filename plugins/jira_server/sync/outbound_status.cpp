#include "sync/outbound_status.h"

#include <optional>
#include <string>
#include <vector>

#include "client/issue_api.h"
#include "client/transition_api.h"
#include "config/status_mapping.h"
#include "ihp/sdk/json.hpp"
#include "sync/outbound_outcome.h"
#include "sync/outbound_watermark.h"
#include "sync/sync_note.h"

namespace ih::jira {

namespace {

constexpr FailureTexts kStatusFailureTexts{"Insufficient permissions to transition Jira Server issue",
                              "Failed to sync status to Jira Server issue"};

std::optional<std::string> transitionTo(const std::vector<JiraTransition>& transitions, const std::string& target) {
  for (const auto& transition : transitions) {
    if (transition.toStatusId == target) return transition.id;
  }
  return std::nullopt;
}

bool isTransportFailure(const ApiError& error) {
  return error.kind() == ApiError::Kind::Unreachable || error.kind() == ApiError::Kind::Timeout ||
         error.kind() == ApiError::Kind::Reset;
}

std::string describe(const std::vector<JiraTransition>& transitions) {
  std::string text;
  for (const auto& t : transitions) text += (text.empty() ? "" : ",") + t.id + "->" + t.toStatusId.value_or("?");
  return "[" + text + "]";
}

// The fields a 400 answer to a transition names (Jira's {"errors":{"resolution":
// "..."}}), comma-separated; empty for any other failure.
std::string requiredTransitionFields(const ApiError& error) {
  if (!error.isHttp(400)) return {};
  ihp::sdk::json::Document body;
  if (!ihp::sdk::json::parseObject(error.body(), body)) return {};
  const auto* errors = ihp::sdk::json::member(body, "errors");
  if (errors == nullptr || !errors->IsObject()) return {};
  std::string fields;
  for (const auto& member : errors->GetObject()) {
    fields += (fields.empty() ? "" : ", ") + std::string(member.name.GetString(), member.name.GetStringLength());
  }
  return fields;
}

}  // namespace

ihp_status syncStatusOutbound(const JiraClient& client, const OutboundEvent& event, ihp::sdk::Reply& reply) {
  const ihp::sdk::Host& host = client.host();
  const OutboundTarget target{event.organizationId, event.externalIssueId, event.issueKey};

  auto issue = IssueApi(client).get(event.issueKey);
  if (!issue) return outboundFailure(host, reply, target, issue.error(), kStatusFailureTexts);
  auto mapping = statusTargetsFor(event.config, issue->projectId);
  if (!mapping) {
    host.debug("status-sync-skipped: no mapping for the project of " + event.issueKey);
    noteOutbound(host, event, IHP_SYNC_SKIPPED, "no status mapping for project " + issue->projectId);
    return IHP_OK;
  }
  const std::string& wanted = mapping->forResolved(event.resolved);
  if (issue->statusId == wanted) {
    noteOutbound(host, event, IHP_SYNC_SKIPPED, "the Jira ticket is in status " + wanted + " already");
    return IHP_OK;
  }

  TransitionApi transitions(client);
  auto available = transitions.list(event.issueKey, true);
  if (!available) {
    if (isTransportFailure(available.error())) {
      reply.error(kTransitionsUnreachable);
      return IHP_E_RETRY;
    }
    return outboundFailure(host, reply, target, available.error(), kStatusFailureTexts);
  }
  auto transitionId = transitionTo(available.value(), wanted);
  if (!transitionId) {
    host.warn("jira.status-sync-fail: issue=" + event.issueKey + " target=" + wanted +
              " transitions=" + describe(available.value()));
    noteOutbound(host, event, IHP_SYNC_SKIPPED,
                 "no Jira transition leads from status " + issue->statusId + " to status " + wanted);
    return IHP_OK;
  }

  auto done = transitions.perform(event.issueKey, *transitionId);
  if (!done && done.error().isHttp(400)) {
    // The cached list may predate an earlier transition of this ticket; Jira
    // refuses a transition that is no longer available. Ask once more, fresh.
    auto fresh = transitions.list(event.issueKey, false);
    auto freshId = fresh ? transitionTo(fresh.value(), wanted) : std::nullopt;
    if (freshId) done = transitions.perform(event.issueKey, *freshId);
  }
  if (!done) {
    // Retrying cannot fill a field the workflow's screen requires: give up
    // at once, saying which fields, so an owner can change the workflow.
    if (auto fields = requiredTransitionFields(done.error()); !fields.empty()) {
      return giveUp(host, reply, "transition " + *transitionId + " needs field " + fields);
    }
    return outboundFailure(host, reply, target, done.error(), kStatusFailureTexts);
  }
  host.info("status-synced: issue=" + event.issueKey + " target=" + wanted);
  advanceStatusMarkAfterWrite(client, event, wanted);
  // After the last call to Jira (see outbound_assignee.cpp: a write holds SQLite's lock).
  noteOutbound(host, event, IHP_SYNC_APPLIED, "moved to status " + wanted + " with transition " + *transitionId);
  return IHP_OK;
}

}  // namespace ih::jira
