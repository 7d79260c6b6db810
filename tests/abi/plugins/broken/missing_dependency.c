/* Broken on purpose: needs libihp_vanishing.so, which is not shipped next to
 * it (and the plugin has no RPATH to find it), so dlopen fails. */
#include "../test_plugin.h"

int ihp_vanishing_answer(void);

IHP_EXPORT ihp_status ihp_plugin_entry(ihp_entry_args *args) {
  static ihp_plugin_api table;
  tp_table_init(&table, "missing_dependency");
  return ihp_vanishing_answer() == 42 ? tp_accept(args, &table) : IHP_E_INTERNAL;
}
