// Registration of every REST resource the mock serves, one function per resource file.
#pragma once

#include "rest/route_table.h"

namespace ih::mock {

void registerServerInfoRoutes(RouteTable& routes);
void registerUserRoutes(RouteTable& routes);
void registerProjectRoutes(RouteTable& routes);
void registerStatusRoutes(RouteTable& routes);
void registerIssueRoutes(RouteTable& routes);
void registerTransitionRoutes(RouteTable& routes);
void registerCommentRoutes(RouteTable& routes);
void registerSearchRoutes(RouteTable& routes);
void registerCreateMetaRoutes(RouteTable& routes);
void registerLegacyWebhookRoutes(RouteTable& routes);
void registerDcWebhookRoutes(RouteTable& routes);

}  // namespace ih::mock
