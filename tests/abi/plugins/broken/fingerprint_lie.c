/* Broken on purpose: a fingerprint claiming 4-byte pointers (a 32-bit build). */
#include "../test_plugin.h"

IHP_EXPORT ihp_status ihp_plugin_entry(ihp_entry_args *args) {
  static ihp_plugin_api table;
  tp_table_init(&table, "fingerprint_lie");
  table.fingerprint.pointer_size = 4;
  return tp_accept(args, &table);
}
