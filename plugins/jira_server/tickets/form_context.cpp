#include "tickets/form_context.h"

#include "common/replies.h"
#include "config/config_snapshot.h"

namespace ih::jira {

namespace json = ihp::sdk::json;

std::string FormContext::param(const std::string& name) const {
  auto it = params.find(name);
  return it == params.end() ? std::string() : it->second;
}

std::string FormContext::searchUrl() const {
  // The route's {org} is the slug (plugin_abi.h puts organizationSlug in the
  // context). Without it the id is the only thing left to send; such a URL
  // only resolves on a host that also looks organizations up by id.
  const std::string org = organizationSlug.empty() ? std::to_string(organizationId) : organizationSlug;
  return "/extensions/jira-server/search/" + org + "/" + std::to_string(integrationId) + "/";
}

bool parseFormContext(std::string_view text, FormContext& out) {
  json::Document doc;
  if (!json::parseObject(text, doc)) return false;
  out.organizationId = json::int64(doc, "organizationId").value_or(0);
  out.organizationSlug = json::stringOr(doc, "organizationSlug");
  out.integrationId = json::int64(doc, "integrationId").value_or(0);
  copyConfigSnapshot(doc, out.config);
  if (const json::Value* issue = json::member(doc, "issue")) {
    out.issueId = json::int64(*issue, "id").value_or(0);
    out.shortId = json::stringOr(*issue, "shortId");
    out.title = json::stringOr(*issue, "title");
    out.issueUrl = json::stringOr(*issue, "url");
  }
  if (const json::Value* params = json::member(doc, "params"); params != nullptr && params->IsObject()) {
    for (const auto& member : params->GetObject()) {
      if (member.value.IsString()) out.params[member.name.GetString()] = member.value.GetString();
    }
  }
  return out.organizationId != 0 && out.integrationId != 0;
}

std::optional<JiraConnection> formConnection(const ihp::sdk::Host& host, const FormContext& context,
                                             ihp::sdk::Reply& reply) {
  ConnectionLoadError error;
  auto connection = loadConnection(host, context.integrationId, context.organizationId, error);
  if (!connection) {
    host.warn("form: the connection could not be loaded: " + error.reason);
    replyDetail(reply, 400, "The Jira Server integration is not available to this organization.");
  }
  return connection;
}

}  // namespace ih::jira
