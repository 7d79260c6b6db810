#include "descriptor.h"

namespace ih::jira {
namespace {

const ihp_str kFeatures[] = {
    IHP_STR_LIT(IHP_FEATURE_ISSUE_BASIC),
    IHP_STR_LIT(IHP_FEATURE_ISSUE_SYNC),
    IHP_STR_LIT(IHP_FEATURE_USER_MAPPING),
};

const ihp_route kRoutes[kRouteCount] = {
    {IHP_STR_LIT("POST"), IHP_STR_LIT("/extensions/jira-server/issue-updated/{token}/"), IHP_ROUTE_PUBLIC},
    {IHP_STR_LIT("GET"), IHP_STR_LIT("/extensions/jira-server/search/{org}/{integrationId}/"), IHP_ROUTE_ORG_MEMBER},
};

const ihp_str kPipelineSteps[kStepCount] = {
    IHP_STR_LIT("installation_config"),
    IHP_STR_LIT("oauth_callback"),
};

}  // namespace

const ihp::sdk::Descriptor& descriptor() {
  static const ihp::sdk::Descriptor d = [] {
    ihp::sdk::Descriptor out;
    out.key = IHP_STR_LIT("jira_server");
    out.name = IHP_STR_LIT("Jira Server");
    out.version = IHP_STR_LIT("0.1.0");
    out.features = kFeatures;
    out.featureCount = sizeof kFeatures / sizeof kFeatures[0];
    // Every shared mutable member (the response cache) is mutex-protected.
    out.flags = IHP_PLUGIN_THREAD_SAFE;
    out.routes = kRoutes;
    out.routeCount = kRouteCount;
    out.pipelineSteps = kPipelineSteps;
    out.pipelineStepCount = kStepCount;
    out.pipelineCallbackParam = IHP_STR_LIT("oauth_token");
    out.minHostMinor = 0;  // external_issue_rekey (added later) is checked with IHP_HOST_HAS
    return out;
  }();
  return d;
}

}  // namespace ih::jira
