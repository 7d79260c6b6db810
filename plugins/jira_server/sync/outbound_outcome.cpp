#include "sync/outbound_outcome.h"

#include "common/strings.h"
#include "ihp/sdk/utf8.hpp"

namespace ih::jira {

namespace {

constexpr size_t kMaxDetailLength = 200;

// What Jira said, short enough for a dead-letter reason.
std::string errorDetail(const ApiError& error) {
  if (error.kind() != ApiError::Kind::Http) return error.text();
  std::string body = ihp::sdk::utf8::prefix(trimWhitespace(error.body()), kMaxDetailLength);
  return "HTTP " + std::to_string(error.status()) + (body.empty() ? "" : ": " + body);
}

ihp_status markGone(const ihp::sdk::Host& host, const OutboundTarget& target) {
  if (target.externalIssueId == 0) {
    host.warn("jira.issue-gone: " + target.issueKey + " answered 404; nothing to update");
    return IHP_OK;
  }
  ihp_status status = host.externalIssueMarkGone(target.organizationId, target.externalIssueId, "Jira answered 404");
  host.info("jira.issue-gone: " + target.issueKey + " marked gone (" + ihp::sdk::statusName(status) + ")");
  // Only a host that could not write now is worth another try; otherwise the 404 stands.
  return status == IHP_E_RETRY ? IHP_E_RETRY : IHP_OK;
}

}  // namespace

ihp_status giveUp(const ihp::sdk::Host& host, ihp::sdk::Reply& reply, std::string_view reason) {
  host.warn("outbound-failed: " + std::string(reason));
  reply.error(reason);
  return IHP_E_PERMANENT;
}

ihp_status outboundFailure(const ihp::sdk::Host& host, ihp::sdk::Reply& reply, const OutboundTarget& target,
                           const ApiError& error, const FailureTexts& texts) {
  if (error.isUnauthorized()) return giveUp(host, reply, texts.unauthorized);
  if (error.isNotFound()) {
    ihp_status status = markGone(host, target);
    if (status != IHP_OK) reply.error("could not record that " + target.issueKey + " is gone");
    return status;
  }
  if (error.isTransient()) {
    if (auto delay = error.retryAfterMs()) reply.retryAfterMs(*delay);
    const std::string reason = errorDetail(error);
    host.info("outbound-retry: " + target.issueKey + " " + reason.substr(0, reason.find(':')));
    reply.error(reason);
    return IHP_E_RETRY;
  }
  return giveUp(host, reply, std::string(texts.failed) + " (" + errorDetail(error) + ")");
}

std::optional<JiraConnection> connectionForJob(const ihp::sdk::Host& host, int64_t integrationId,
                                               int64_t organizationId, ihp::sdk::Reply& reply, ihp_status& status) {
  ConnectionLoadError loadError;
  auto connection = loadConnection(host, integrationId, organizationId, loadError);
  if (connection) return connection;
  // FORBIDDEN: the org no longer links the integration (or disabled the plugin).
  if (loadError.permanent() || loadError.status == IHP_E_FORBIDDEN) {
    status = giveUp(host, reply, loadError.reason);
  } else {
    reply.error(loadError.reason);
    status = IHP_E_RETRY;
  }
  return std::nullopt;
}

}  // namespace ih::jira
