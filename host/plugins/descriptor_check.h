// host/plugins/descriptor_check.h - load check 7: reads a plugin's
// descriptor (key, name, version, features, routes, pipeline, hooks) out of
// its ihp_plugin_api into a PluginInfo, or says precisely what is wrong.
//
// Called only after the table's struct_size was checked, with the host's own
// zero-filled copy of the table. Every ihp_str is validated before use.
#pragma once

#include <string>

#include "ihp/plugin_abi.h"
#include "plugins/loaded_plugin.h"

namespace ih::host::plugins {

struct DescriptorResult {
  PluginInfo info;     // valid when reason is empty
  std::string reason;  // the one-line rejection
};

DescriptorResult readDescriptor(const ihp_plugin_api& table);

}  // namespace ih::host::plugins
