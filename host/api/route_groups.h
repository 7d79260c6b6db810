// host/api/route_groups.h - one registration function per resource group;
// routes.cpp calls them all. Each group lives in its own *_routes.cpp.
#pragma once

namespace ih::host::api {

class ApiRouter;

void registerOrganizationRoutes(ApiRouter& api);   // organizations, members
void registerUserRoutes(ApiRouter& api);           // users, tokens
void registerTeamRoutes(ApiRouter& api);           // teams, team members
void registerProjectRoutes(ApiRouter& api);        // projects, releases
void registerIssueRoutes(ApiRouter& api);          // create, list, get, update
void registerActivityRoutes(ApiRouter& api);       // activities
void registerCommentRoutes(ApiRouter& api);        // comments
void registerExternalIssueRoutes(ApiRouter& api);  // external issues of an issue
void registerPluginRoutes(ApiRouter& api);         // plugins, per-org enablement
void registerPipelineRoutes(ApiRouter& api);       // setup pipeline steps
void registerSetupCallbackRoutes(ApiRouter& api);  // browser callback /extensions/<key>/setup/
void registerIntegrationRoutes(ApiRouter& api);    // integrations of an organization
void registerIssueIntegrationRoutes(ApiRouter& api);  // link/create forms and actions
void registerJobRoutes(ApiRouter& api);            // durable jobs (dead letters: list, retry, discard)
void registerSyncLogRoutes(ApiRouter& api);        // an issue's sync log, the organization's audit log
void registerUserMappingRoutes(ApiRouter& api);    // remote users standing for members
void registerSessionRoutes(ApiRouter& api);        // browser sign-in, who am I, sign-out
void registerPasswordRoutes(ApiRouter& api);       // users' passwords
void registerDirectoryReadRoutes(ApiRouter& api);  // organizations, members, projects for the web app
void registerWebhookInboxRoutes(ApiRouter& api);   // the webhook inbox's dead requests (superuser)

}  // namespace ih::host::api
