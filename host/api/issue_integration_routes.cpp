// Linking an issue to a ticket, or creating one, through an integration
// (members): GET answers the plugin's form, POST runs the plugin's action
// and stores the external issue it answers.
//
// The context handed to the plugin (ids as JSON numbers, as everywhere on
// the plugin side of the ABI):
//   {"organizationId","organizationSlug","integrationId","config":{...},
//    "issue":{"id","shortId","title","url","projectId"},"params":{...}}
// organizationSlug is an addition to plugin_abi.h's shape: plugin routes with
// {org} (e.g. the Jira search URL a form points at) take the slug.
#include "api/access.h"
#include "api/api_router.h"
#include "api/issue_lookup.h"
#include "api/json_input.h"
#include "api/json_response.h"
#include "api/plugin_lookup.h"
#include "api/plugin_replies.h"
#include "api/route_groups.h"
#include "common/errors.h"
#include "domain/integration_service.h"
#include "domain/issue_service.h"

namespace ih::host::api {

namespace json = ihp::sdk::json;

namespace {

struct FormTarget {
  storage::Issue issue;
  domain::OrgIntegrationView view;
  plugins::LoadedPlugin* plugin = nullptr;
  int32_t form = IHP_FORM_LINK;
  std::string action;
};

int32_t parseAction(const std::optional<std::string>& action) {
  if (action == "link") return IHP_FORM_LINK;
  if (action == "create") return IHP_FORM_CREATE;
  throw ValidationError("action", "Expected \"link\" or \"create\".");
}

FormTarget prepare(ApiCall& call, const std::optional<std::string>& action) {
  FormTarget target;
  target.form = parseAction(action);
  target.action = *action;
  target.issue = requireIssue(call);
  target.view = call.services.integrations.getForOrganization(call.uow, call.org().id, pathId(call.request, "integrationId"));
  target.plugin = &requirePlugin(call.services, target.view.integration.provider);
  requirePluginEnabled(call.uow, call.services, call.org().id, target.view.integration.provider);
  return target;
}

std::string issueUrl(ApiCall& call, const storage::Issue& issue) {
  return call.services.publicUrl + "/organizations/" + call.org().slug + "/issues/" + idString(issue.id) + "/";
}

std::string contextJson(ApiCall& call, const FormTarget& target) {
  JsonBuilder b;
  b.beginObject()
      .field("organizationId", call.org().id)
      .field("organizationSlug", call.org().slug)
      .field("integrationId", target.view.integration.id)
      .key("config");
  writeObjectOrEmpty(b, target.view.link.configJson);
  b.key("issue")
      .beginObject()
      .field("id", target.issue.id)
      .field("shortId", target.issue.shortId)
      .field("title", target.issue.title)
      .field("url", issueUrl(call, target.issue))
      .field("projectId", target.issue.projectId)
      .endObject()
      .key("params")
      .beginObject();
  for (const auto& [name, value] : call.request.query) {
    if (name != "action") b.field(name, value);
  }
  b.endObject().endObject();
  return b.str();
}

plugins::CallScope scopeOf(ApiCall& call) {
  return plugins::CallScope{call.uow, call.org().id, call.principal.userIdOrZero()};
}

http::Response getForm(ApiCall& call) {
  FormTarget target = prepare(call, call.request.queryParam("action"));
  plugins::CallScope scope = scopeOf(call);
  plugins::HookReply reply = target.plugin->issueForm(scope, target.form, contextJson(call, target));
  if (reply.httpStatus == 400) return pluginValidationResponse(reply);
  if (!succeeded(reply, 200)) return pluginFailureResponse(reply, target.plugin->info().key, "issue_form");
  return http::Response::json(200, reply.body);
}

void writeCreateActivity(ApiCall& call, const FormTarget& target, const storage::ExternalIssue& external) {
  JsonBuilder data;
  data.beginObject()
      .field("provider", target.view.integration.provider)
      .field("integrationId", idString(target.view.integration.id))
      .field("title", external.title)
      .field("location", external.url)
      .field("label", external.key)
      .endObject();
  call.services.issues.writeActivity(call.uow, call.org().id, target.issue.id, "create_issue", data.str(),
                                     call.principal.userId);
}

http::Response runAction(ApiCall& call) {
  const auto& body = call.request.jsonObject();
  FormTarget target = prepare(call, json::string(body, "action"));
  plugins::CallScope scope = scopeOf(call);
  plugins::HookReply reply = target.plugin->issueAction(scope, target.form, contextJson(call, target), call.request.body);
  if (reply.httpStatus == 400) return pluginValidationResponse(reply);
  json::Document ticket;
  std::optional<std::string> key;
  if (succeeded(reply, 201) && json::parseObject(reply.body, ticket)) key = json::string(ticket, "key");
  if (!key || key->empty()) return pluginFailureResponse(reply, target.plugin->info().key, "issue_action");
  storage::ExternalIssue external = call.services.integrations.linkExternalIssue(
      call.uow, call.org().id, target.view.integration.id, target.issue.id, *key, json::stringOr(ticket, "title"),
      json::stringOr(ticket, "description"), json::stringOr(ticket, "url"));
  if (target.form == IHP_FORM_CREATE) writeCreateActivity(call, target, external);
  return jsonResponse(201, [&](JsonBuilder& b) {
    writeExternalIssue(b, domain::ExternalIssueView{external.id, external.integrationId, external.key, external.title,
                                                    external.url});
  });
}

}  // namespace

void registerIssueIntegrationRoutes(ApiRouter& api) {
  const std::string pattern = "/api/0/organizations/{org}/issues/{id}/integrations/{integrationId}/";
  api.add("GET", pattern, Access::OrgMember, getForm);
  api.add("POST", pattern, Access::OrgMember, runAction);
}

}  // namespace ih::host::api
