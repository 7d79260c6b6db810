#include "tickets/link_action.h"

#include "client/issue_api.h"
#include "common/strings.h"
#include "setup/installation_form.h"
#include "tickets/issue_key.h"
#include "tickets/link_comment_job.h"
#include "tickets/ticket_reply.h"

namespace ih::jira {

namespace json = ihp::sdk::json;

namespace {

ihp_status rejectField(ihp::sdk::Reply& reply, const std::string& message) {
  reply.json(400, fieldErrorsJson({{"externalIssue", message}}));
  return IHP_OK;
}

}  // namespace

ihp_status runLinkAction(const ihp::sdk::Host& host, const FormContext& context, std::string_view inputJson,
                         ihp::sdk::Reply& reply, ResponseCache& cache) {
  json::Document input;
  if (!json::parseObject(inputJson, input)) input.SetObject();
  const std::string typed(trimWhitespace(json::stringOr(input, "externalIssue")));
  if (typed.empty()) return rejectField(reply, "This field is required.");

  auto connection = formConnection(host, context, reply);
  if (!connection) return IHP_OK;
  const std::string baseUrl = connection->baseUrl;
  auto key = issueKeyFromInput(typed, baseUrl);
  if (!key) {
    return rejectField(reply, "Enter a Jira issue key (such as OPS-12) or the link of an issue on " + baseUrl + ".");
  }

  JiraClient client(host, std::move(*connection), &cache);
  auto issue = IssueApi(client).get(*key);
  if (!issue) {
    if (issue.error().isNotFound()) return rejectField(reply, "Jira issue " + *key + " does not exist.");
    replyJiraError(reply, issue.error());
    return IHP_OK;
  }

  const std::string comment = json::stringOr(input, "comment");
  if (!trimWhitespace(comment).empty()) {
    ihp_status queued = enqueueLinkComment(host, {context.integrationId, context.organizationId, issue->key, comment});
    if (queued != IHP_OK) {
      host.error(std::string("link: the comment job could not be enqueued: ") + ihp::sdk::statusName(queued));
      return queued;
    }
  }
  host.info("issue-linked: " + issue->key);
  replyTicket(reply, issue.value(), baseUrl);
  return IHP_OK;
}

}  // namespace ih::jira
