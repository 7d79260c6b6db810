/* Broken on purpose: two routes no path can tell apart. Its init refuses, so
 * the reason the host gives shows which check ran first: the routes must be
 * judged before init can write anything. Built a second time with
 * ROUTE_CLASH_FIXED (one route, init that succeeds) under the same key: a
 * refused plugin keeps no key, so that one loads. */
#include "../test_plugin.h"

#ifndef ROUTE_CLASH_FIXED
static ihp_status route_clash_refusing_init(const ihp_host_api *host, ihp_host_ctx *ctx, ihp_plugin **instance) {
  (void)host;
  (void)ctx;
  *instance = NULL;
  return IHP_E_PERMANENT;
}
#endif

static const ihp_route route_clash_routes[] = {
    {IHP_STR_LIT("GET"), IHP_STR_LIT("/extensions/route-clash/a/{id}/"), IHP_ROUTE_PUBLIC},
    {IHP_STR_LIT("GET"), IHP_STR_LIT("/extensions/route-clash/a/{key}/"), IHP_ROUTE_PUBLIC},
};

IHP_EXPORT ihp_status ihp_plugin_entry(ihp_entry_args *args) {
  static ihp_plugin_api table;
  tp_table_init(&table, "route_clash");
  table.routes = route_clash_routes;
  table.handle_request = tp_ok_request;
#ifdef ROUTE_CLASH_FIXED
  table.route_count = 1;
#else
  table.route_count = 2;
  table.init = route_clash_refusing_init;
#endif
  return tp_accept(args, &table);
}
