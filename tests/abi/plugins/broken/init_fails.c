/* Broken on purpose: init refuses with IHP_E_PERMANENT. */
#include "../test_plugin.h"

static ihp_status init_fails_init(const ihp_host_api *host, ihp_host_ctx *ctx, ihp_plugin **instance) {
  host->log(ctx, IHP_LOG_ERROR, tp_str("init_fails: refusing to start"));
  *instance = NULL;
  return IHP_E_PERMANENT;
}

IHP_EXPORT ihp_status ihp_plugin_entry(ihp_entry_args *args) {
  static ihp_plugin_api table;
  tp_table_init(&table, "init_fails");
  table.init = init_fails_init;
  return tp_accept(args, &table);
}
