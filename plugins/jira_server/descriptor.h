// descriptor.h - what the Jira Server plugin tells the host about itself:
// key, name, version, features, the routes it serves and its pipeline steps.
// Route and step indexes are named here so dispatch (plugin.cpp) and the
// tables cannot disagree; part 2 appends its routes (search) to both.
#pragma once

#include <cstdint>

#include "ihp/sdk/plugin.hpp"

namespace ih::jira {

// Index into the route table (ihp_request.route_index).
enum RouteIndex : uint32_t {
  kRouteIssueUpdated = 0,  // POST /extensions/jira-server/issue-updated/{token}/ (public)
  kRouteSearch = 1,        // GET /extensions/jira-server/search/{org}/{integrationId}/ (org member)
  kRouteCount
};

// Index into the pipeline steps (ihp_pipeline_call.step_index).
enum PipelineStepIndex : uint32_t {
  kStepInstallationConfig = 0,
  kStepOAuthCallback = 1,
  kStepCount
};

const ihp::sdk::Descriptor& descriptor();

}  // namespace ih::jira
