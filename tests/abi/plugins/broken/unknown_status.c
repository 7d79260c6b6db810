/* Loads fine, then answers its route with status 99, which the ABI does not
 * define: the host must treat it as IHP_E_PERMANENT. */
#include "../test_plugin.h"

static ihp_status unknown_status_request(ihp_plugin *instance, ihp_host_ctx *ctx, const ihp_request *request,
                                         ihp_reply *reply) {
  (void)instance;
  (void)ctx;
  (void)request;
  (void)reply;
  return 99;
}

static const ihp_route unknown_status_routes[] = {
    {IHP_STR_LIT("GET"), IHP_STR_LIT("/extensions/unknown-status/go/"), IHP_ROUTE_PUBLIC},
};

IHP_EXPORT ihp_status ihp_plugin_entry(ihp_entry_args *args) {
  static ihp_plugin_api table;
  tp_table_init(&table, "unknown_status");
  table.routes = unknown_status_routes;
  table.route_count = 1;
  table.handle_request = unknown_status_request;
  return tp_accept(args, &table);
}
