// host/api/plugin_replies.h - turning a plugin hook's reply into an API
// answer, the same way for every hook the API fronts (forms, actions,
// config): a 400 passes through (field errors or {"detail"}), a failure is
// 500 (the plugin threw) or 502 (the plugin or its remote side failed).
#pragma once

#include <string_view>

#include "http/response.h"
#include "plugins/loaded_plugin.h"

namespace ih::host::api {

// The hook's 400 reply as an answer: its body when it is a JSON object,
// else {"detail":...}.
http::Response pluginValidationResponse(const plugins::HookReply& reply);
// 500/502 {"detail"}; logs which plugin hook failed and why.
http::Response pluginFailureResponse(const plugins::HookReply& reply, std::string_view pluginKey,
                                     std::string_view hook);
// True for an IHP_OK reply with this HTTP status.
bool succeeded(const plugins::HookReply& reply, int httpStatus);

}  // namespace ih::host::api
