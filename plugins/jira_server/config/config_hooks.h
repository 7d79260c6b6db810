// config/config_hooks.h - the config_update and config_view hooks.
// config_update answers the COMPLETE config to store: the stored one (plugin
// state included) with the validated, normalised patch on top; saving
// sync_status_forward replaces the whole mapping. config_view shows the stored
// config without the plugin's own keys, ignored fields joined with ", ".
#pragma once

#include "ihp/sdk/host.hpp"
#include "ihp/sdk/reply.hpp"

namespace ih::jira {

ihp_status runConfigUpdate(const ihp::sdk::Host& host, const ihp_config_call& call, ihp::sdk::Reply& reply);
ihp_status runConfigView(const ihp::sdk::Host& host, const ihp_config_call& call, ihp::sdk::Reply& reply);

}  // namespace ih::jira
