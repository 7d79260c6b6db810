// tickets/form_context.h - the context the host hands the link/create hooks
// (plugin_abi.h, ihp_form_call): who asks, for which issue, with which org
// config (saved form defaults and ignored fields live there) and the query
// parameters of the form request (create: project, issuetype).
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>

#include "client/jira_connection.h"
#include "ihp/sdk/json.hpp"
#include "ihp/sdk/reply.hpp"

namespace ih::jira {

struct FormContext {
  int64_t organizationId = 0;
  std::string organizationSlug;
  int64_t integrationId = 0;
  ihp::sdk::json::Document config;
  int64_t issueId = 0;
  std::string shortId;
  std::string title;
  std::string issueUrl;
  std::map<std::string, std::string> params;

  std::string param(const std::string& name) const;  // "" when absent
  // The plugin's search route for this org and integration (async selects).
  std::string searchUrl() const;
};

// False when the context lacks the organization or the integration.
bool parseFormContext(std::string_view json, FormContext& out);

// The org's connection to the integration's Jira; nullopt after answering 400
// {"detail"} (the form cannot be served without it).
std::optional<JiraConnection> formConnection(const ihp::sdk::Host& host, const FormContext& context,
                                             ihp::sdk::Reply& reply);

}  // namespace ih::jira
