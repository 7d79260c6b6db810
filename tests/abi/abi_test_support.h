// tests/abi/abi_test_support.h - small helpers shared by the ABI tests:
// where the test plugins are, and how to call a plugin route the way the
// HTTP layer does (match the route, then handleRequest).
#pragma once

#include <string>

#include "host_fixture.h"
#include "plugins/plugin_registry.h"

namespace ih::test {

inline std::string testPlugin(const std::string& name) { return std::string(IH_TEST_PLUGIN_DIR) + "/" + name + ".so"; }
inline std::string corpusPlugin(const std::string& name) { return std::string(IH_CORPUS_DIR) + "/" + name + ".so"; }

// Matches method + path against the registry's routes and calls the plugin
// in a fresh unit of work (committed when the hook succeeded).
inline host::plugins::HookReply callRoute(HostFixture& host, host::plugins::PluginRegistry& registry,
                                          const std::string& method, const std::string& path) {
  auto match = registry.matchRoute(method, path);
  if (!match) {
    host::plugins::HookReply none;
    none.status = IHP_E_NOT_FOUND;
    none.httpStatus = 404;
    return none;
  }
  host::plugins::PluginRequest request;
  request.routeIndex = match->routeIndex;
  request.method = method;
  request.path = path;
  request.pathParams = match->pathParams;
  auto uow = host.begin();
  host::plugins::CallScope scope{*uow};
  auto reply = match->plugin->handleRequest(scope, request);
  if (reply.status == IHP_OK && reply.httpStatus < 500) uow->commit();
  return reply;
}

}  // namespace ih::test
