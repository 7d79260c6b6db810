/* Broken on purpose: the entry refuses the host (as a plugin needing ABI 1.5 would). */
#include "../test_plugin.h"

IHP_EXPORT ihp_status ihp_plugin_entry(ihp_entry_args *args) {
  args->plugin_abi_major = IHP_ABI_MAJOR;
  args->plugin_min_minor = 7;
  return IHP_E_INCOMPATIBLE;
}
