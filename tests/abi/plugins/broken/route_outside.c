/* Broken on purpose: a route outside the plugin's /extensions/<key>/ prefix. */
#include "../test_plugin.h"

static const ihp_route route_outside_routes[] = {
    {IHP_STR_LIT("GET"), IHP_STR_LIT("/extensions/c-echo/hijack/"), IHP_ROUTE_PUBLIC},
};

IHP_EXPORT ihp_status ihp_plugin_entry(ihp_entry_args *args) {
  static ihp_plugin_api table;
  tp_table_init(&table, "route_outside");
  table.routes = route_outside_routes;
  table.route_count = 1;
  table.handle_request = tp_ok_request;
  return tp_accept(args, &table);
}
