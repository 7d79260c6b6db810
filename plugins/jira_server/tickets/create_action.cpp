#include "tickets/create_action.h"

#include "client/createmeta_api.h"
#include "client/issue_api.h"
#include "common/replies.h"
#include "common/text_list.h"
#include "tickets/field_conversion.h"
#include "tickets/issue_defaults.h"
#include "tickets/ticket_reply.h"

namespace ih::jira {

namespace json = ihp::sdk::json;

namespace {

std::string submittedText(const json::Value& input, const char* key) {
  const json::Value* value = json::member(input, key);
  return value == nullptr ? std::string() : joinList(submittedList(*value), ", ");
}

// Remembers what this ticket used for the project's next form; a failure only costs the convenience.
void saveDefaults(const ihp::sdk::Host& host, const FormContext& context, const CreateRequest& request,
                  const json::Value& input) {
  IssueDefaults defaults{request.issueTypeId, submittedText(input, "priority"), submittedText(input, "labels")};
  ihp_status status = host.orgConfigMerge(context.organizationId, context.integrationId,
                                          issueDefaultsPatch(context.config, request.projectId, defaults));
  if (status != IHP_OK) host.warn(std::string("create: form defaults not saved: ") + ihp::sdk::statusName(status));
}

}  // namespace

ihp_status runCreateAction(const ihp::sdk::Host& host, const FormContext& context, std::string_view inputJson,
                           ihp::sdk::Reply& reply, ResponseCache& cache) {
  json::Document input;
  if (!json::parseObject(inputJson, input)) input.SetObject();
  const CreateRequest request{submittedText(input, "project"), submittedText(input, "issuetype")};
  FieldErrors missing;
  if (request.issueTypeId.empty()) missing.push_back({"issuetype", "Issue type is required."});
  if (request.projectId.empty()) missing.push_back({"project", "Jira project is required"});
  if (!missing.empty()) {
    reply.json(400, fieldErrorsJson(missing));
    return IHP_OK;
  }

  auto connection = formConnection(host, context, reply);
  if (!connection) return IHP_OK;
  const std::string baseUrl = connection->baseUrl;
  JiraClient client(host, std::move(*connection), &cache);

  auto meta = CreateMetaApi(client).fields(request.projectId, request.issueTypeId);
  if (!meta) {
    replyDetail(reply, 400, "Could not fetch issue create configuration from Jira.");
    return IHP_OK;
  }
  auto fields = convertCreateFields(input, meta.value(), request);
  if (!fields) {
    reply.json(400, fieldErrorsJson(fields.error()));
    return IHP_OK;
  }

  IssueApi issues(client);
  auto key = issues.create(fields.value());
  if (!key) {
    host.warn("create: Jira refused the issue (status " + std::to_string(key.error().status()) + ")");
    replyJiraError(reply, key.error());
    return IHP_OK;
  }
  saveDefaults(host, context, request, input);

  auto created = issues.get(key.value());
  // The ticket exists even when reading it back fails; answer what was sent.
  JiraIssue issue = created ? std::move(created.value())
                            : JiraIssue{key.value(),
                                        json::stringOr(input, "title"),
                                        json::stringOr(input, "description"),
                                        request.projectId,
                                        {}};
  host.info("issue-created: " + issue.key);
  replyTicket(reply, issue, baseUrl);
  return IHP_OK;
}

}  // namespace ih::jira
