/* Broken on purpose: claims a plugin table of 96 bytes, smaller than ABI 1.0's. */
#include "../test_plugin.h"

IHP_EXPORT ihp_status ihp_plugin_entry(ihp_entry_args *args) {
  static ihp_plugin_api table;
  tp_table_init(&table, "small_table");
  table.struct_size = 96;
  return tp_accept(args, &table);
}
