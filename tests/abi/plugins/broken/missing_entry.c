/* Broken on purpose: exports no ihp_plugin_entry (a typo'd name instead). */
#include "../test_plugin.h"

IHP_EXPORT ihp_status ihp_plugin_entyr(ihp_entry_args *args);
IHP_EXPORT ihp_status ihp_plugin_entyr(ihp_entry_args *args) { return tp_accept(args, NULL); }
