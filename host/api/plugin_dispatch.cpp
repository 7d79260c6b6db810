#include "api/plugin_dispatch.h"

#include <Poco/Logger.h>

#include "api/access.h"
#include "common/clock.h"
#include "common/errors.h"
#include "inbox/webhook_inbox.h"
#include "common/strings.h"
#include "plugins/plugin_registry.h"
#include "storage/database.h"
#include "storage/inbox_repository.h"

namespace ih::host::api {

namespace {

plugins::PluginRequest toPluginRequest(const http::RequestContext& ctx, size_t routeIndex) {
  plugins::PluginRequest request;
  request.routeIndex = routeIndex;
  request.method = ctx.method;
  request.path = ctx.path;
  request.query = ctx.rawQuery;
  request.headers = ctx.headers;
  request.pathParams = ctx.pathParams;
  request.body = ctx.body;
  return request;
}

http::Response toResponse(const plugins::HookReply& reply, std::string_view pluginKey, std::string_view pattern) {
  if (reply.status != IHP_OK && reply.httpStatus < 400) {
    Poco::Logger::get("ih.api.plugins")
        .warning("plugin %s failed on %s: status %d", std::string(pluginKey), std::string(pattern),
                 static_cast<int>(reply.status));
    return http::Response::detail(500, "Internal error");
  }
  http::Response response = http::Response::json(reply.httpStatus, reply.body);
  for (const auto& [name, value] : reply.headers) {
    if (toLowerAscii(name) == "content-type") {
      response.contentType = value;
    } else {
      response.header(name, value);
    }
  }
  return response;
}

// The request as the webhook inbox keeps it.
storage::InboxRequest toInboxRequest(const plugins::LoadedPlugin& plugin, const http::RequestContext& ctx) {
  storage::InboxRequest stored;
  stored.pluginKey = plugin.info().key;
  stored.method = ctx.method;
  stored.path = ctx.path;
  stored.query = ctx.rawQuery;
  stored.headers = ctx.headers;
  stored.body = ctx.body;
  stored.receivedAt = SystemClock().nowMs();
  return stored;
}

}  // namespace

std::optional<http::Response> dispatchPluginRoute(ApiServices& services, http::RequestContext& ctx) {
  if (ctx.path.rfind("/extensions/", 0) != 0) return std::nullopt;
  std::optional<plugins::RouteMatch> match = services.plugins.matchRoute(ctx.method, ctx.path);
  if (!match) return std::nullopt;
  plugins::LoadedPlugin& plugin = *match->plugin;
  const plugins::PluginRoute& route = plugin.info().routes.at(match->routeIndex);
  ctx.routePattern = route.pathPattern;
  ctx.pathParams = match->pathParams;

  std::unique_ptr<storage::UnitOfWork> uow = services.database.begin();
  plugins::CallScope scope{*uow, 0, 0};
  // At an inline call's deadline the watcher ends `uow` from its own thread;
  // nothing below touches it after the ServiceUnavailableError that follows.
  scope.ownedWork = &uow;
  if (route.access == IHP_ROUTE_ORG_MEMBER) {
    auth::Principal principal = authenticate(ctx, *uow, services);
    const std::string* slug = ctx.findPathParam("org");
    if (slug == nullptr) throw NotFoundError();  // a member route without {org} cannot be authorized
    storage::Organization org =
        authorizeOrganization(*uow, services, principal, *slug, auth::OrgPermission::Member);
    requirePluginEnabled(*uow, services, org.id, plugin.info().key);
    scope.organizationId = org.id;
    scope.userId = principal.userIdOrZero();
  }
  plugins::PluginRequest request = toPluginRequest(ctx, match->routeIndex);
  // Member routes answer their caller with what they did; only the public
  // ones (webhooks) may be acknowledged before they are applied.
  const bool mayDefer = services.inbox != nullptr && route.access == IHP_ROUTE_PUBLIC;
  if (mayDefer) request.phase = IHP_REQUEST_PHASE_ACCEPT;
  plugins::HookReply reply = plugin.handleRequest(scope, std::move(request));
  const bool keepForLater = mayDefer && reply.deferred && reply.status == IHP_OK && reply.httpStatus < 300;
  if (reply.status == IHP_OK && reply.httpStatus < 500) uow->commit();
  http::Response response = toResponse(reply, plugin.info().key, route.pathPattern);
  if (keepForLater) {
    // The acknowledgement's promise: it leaves once the request is on disk
    // (with durable commits, the default), or an error leaves instead.
    response.sendOnceDone = [inbox = services.inbox, stored = toInboxRequest(plugin, ctx)](
                                http::Response::Done done) mutable { inbox->keepThen(std::move(stored), std::move(done)); };
  }
  return response;
}

}  // namespace ih::host::api
