// host/plugins/host_api_table.h - the host's one ihp_host_api instance.
//
// Static, immutable and shared by every plugin (valid until the process
// exits, as rule 9 of plugin_abi.h promises). Everything call-specific travels
// in the ihp_host_ctx, so one table serves every host instance in a process
// (tests run several).
#pragma once

#include "ihp/plugin_abi.h"

namespace ih::host::plugins {

const ihp_host_api& hostApiTable();

}  // namespace ih::host::plugins
