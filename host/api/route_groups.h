// host/api/route_groups.h - one registration function per resource group;
// routes.cpp calls them all. Each group lives in its own *_routes.cpp.
#pragma once

namespace ih::host::api {

class ApiRouter;

void registerOrganizationRoutes(ApiRouter& api);   // organizations, members
void registerUserRoutes(ApiRouter& api);           // users, tokens
void registerTeamRoutes(ApiRouter& api);           // teams, team members
void registerProjectRoutes(ApiRouter& api);        // projects, releases
void registerIssueRoutes(ApiRouter& api);          // create, get, update
void registerActivityRoutes(ApiRouter& api);       // activities
void registerCommentRoutes(ApiRouter& api);        // comments
void registerExternalIssueRoutes(ApiRouter& api);  // external issues of an issue
void registerPluginRoutes(ApiRouter& api);         // plugins, per-org enablement
void registerPipelineRoutes(ApiRouter& api);       // setup pipeline steps
void registerSetupCallbackRoutes(ApiRouter& api);  // browser callback /extensions/<key>/setup/
void registerIntegrationRoutes(ApiRouter& api);    // integrations of an organization
void registerIssueIntegrationRoutes(ApiRouter& api);  // link/create forms and actions
void registerJobRoutes(ApiRouter& api);            // durable jobs (dead letters)

}  // namespace ih::host::api
