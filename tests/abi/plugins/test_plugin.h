/*
 * tests/abi/plugins/test_plugin.h - boilerplate shared by the plain-C test
 * plugins (the good ones and the deliberately broken corpus), so each plugin
 * file shows only what makes it special.
 *
 * Pure C99 on plugin_abi.h alone, like a third-party plugin would be. Every
 * function is static: a plugin exports nothing but ihp_plugin_entry.
 */
#ifndef IH_TEST_PLUGIN_H
#define IH_TEST_PLUGIN_H

#include <string.h>

#include "ihp/plugin_abi.h"

/* The host table handed to the entry (one per .so: symbols are local). */
static const ihp_host_api *tp_host;

static inline ihp_str tp_str(const char *text) {
  ihp_str s;
  s.ptr = text;
  s.len = strlen(text);
  return s;
}

static inline ihp_status tp_stateless_init(const ihp_host_api *host, ihp_host_ctx *ctx, ihp_plugin **instance) {
  (void)host;
  (void)ctx;
  *instance = NULL;
  return IHP_OK;
}

/* A handle_request that answers the default (200, no body). */
static inline ihp_status tp_ok_request(ihp_plugin *instance, ihp_host_ctx *ctx, const ihp_request *request,
                                       ihp_reply *reply) {
  (void)instance;
  (void)ctx;
  (void)request;
  (void)reply;
  return IHP_OK;
}

/* A valid 1.0 table for `key` with only the required hook (init). */
static inline void tp_table_init(ihp_plugin_api *table, const char *key) {
  const ihp_fingerprint fingerprint = IHP_FINGERPRINT_INIT;
  memset(table, 0, sizeof *table);
  table->struct_size = (uint32_t)sizeof *table;
  table->fingerprint = fingerprint;
  table->key = tp_str(key);
  table->name = tp_str(key);
  table->version = tp_str("0.0.1");
  table->init = tp_stateless_init;
}

/* A valid table for `key` that serves `routes` through `handle_request`. */
static inline void tp_table_with_routes(ihp_plugin_api *table, const char *key, const char *name, const char *version,
                                        const ihp_route *routes, uint32_t route_count,
                                        ihp_status (*handle_request)(ihp_plugin *, ihp_host_ctx *, const ihp_request *,
                                                                     ihp_reply *)) {
  tp_table_init(table, key);
  table->name = tp_str(name);
  table->version = tp_str(version);
  table->routes = routes;
  table->route_count = route_count;
  table->handle_request = handle_request;
}

/* Answers the entry as a well-behaved plugin built for (major, min_minor,
 * own_minor) would, without second-guessing the host: the host's own checks
 * are what the tests exercise. */
static inline ihp_status tp_answer(ihp_entry_args *args, const ihp_plugin_api *table, uint32_t major, uint32_t min_minor,
                            uint32_t own_minor) {
  if (args == NULL || args->struct_size < IHP_ENTRY_ARGS_SIZE_V1_0) return IHP_E_INCOMPATIBLE;
  tp_host = args->host_api;
  args->plugin_abi_major = major;
  args->plugin_min_minor = min_minor;
  args->negotiated_minor = args->host_abi_minor < own_minor ? args->host_abi_minor : own_minor;
  args->plugin_api = table;
  return IHP_OK;
}

/* The common case: built for this very header. */
static inline ihp_status tp_accept(ihp_entry_args *args, const ihp_plugin_api *table) {
  return tp_answer(args, table, IHP_ABI_MAJOR, 0, IHP_ABI_MINOR);
}

#endif /* IH_TEST_PLUGIN_H */
