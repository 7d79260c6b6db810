#include "api/plugin_replies.h"

#include <Poco/Logger.h>

#include "ihp/sdk/json.hpp"

namespace ih::host::api {

http::Response pluginValidationResponse(const plugins::HookReply& reply) {
  ihp::sdk::json::Document doc;
  if (ihp::sdk::json::parseObject(reply.body, doc)) return http::Response::json(400, reply.body);
  return http::Response::detail(400, reply.error.value_or("The request was rejected by the plugin."));
}

http::Response pluginFailureResponse(const plugins::HookReply& reply, std::string_view pluginKey,
                                     std::string_view hook) {
  Poco::Logger::get("ih.api.plugins")
      .warning("plugin %s hook %s failed: status %d, http %d", std::string(pluginKey), std::string(hook),
               static_cast<int>(reply.status), static_cast<int>(reply.httpStatus));
  if (reply.status == IHP_E_INTERNAL) return http::Response::detail(500, "Internal error");
  return http::Response::detail(502, reply.error.value_or("The integration's plugin could not complete the request."));
}

bool succeeded(const plugins::HookReply& reply, int httpStatus) {
  return reply.status == IHP_OK && reply.httpStatus == httpStatus;
}

}  // namespace ih::host::api
