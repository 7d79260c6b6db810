/* Built twice (dup_key_a.so, dup_key_b.so): two plugins with one key; the
 * second one loaded (by name order) must be refused. */
#include "../test_plugin.h"

IHP_EXPORT ihp_status ihp_plugin_entry(ihp_entry_args *args) {
  static ihp_plugin_api table;
  tp_table_init(&table, "dup_key");
  return tp_accept(args, &table);
}
