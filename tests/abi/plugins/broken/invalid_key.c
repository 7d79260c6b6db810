/* Broken on purpose: a key outside [a-z0-9_]{1,64}. */
#include "../test_plugin.h"

IHP_EXPORT ihp_status ihp_plugin_entry(ihp_entry_args *args) {
  static ihp_plugin_api table;
  tp_table_init(&table, "Bad-Key");
  return tp_accept(args, &table);
}
