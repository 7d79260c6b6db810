/* Broken on purpose: the required init hook is NULL. */
#include "../test_plugin.h"

IHP_EXPORT ihp_status ihp_plugin_entry(ihp_entry_args *args) {
  static ihp_plugin_api table;
  tp_table_init(&table, "null_init");
  table.init = NULL;
  return tp_accept(args, &table);
}
