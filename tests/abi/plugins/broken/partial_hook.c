/* Broken on purpose: a plugin table whose struct_size ends halfway through
 * remote_users_resolve (ABI 1.3). The host must read that hook as absent:
 * a copy of struct_size bytes would hold only the low half of the pointer,
 * which the host would then call. */
#include "../test_plugin.h"

static ihp_status partial_hook_resolve(ihp_plugin *instance, ihp_host_ctx *ctx, const ihp_remote_users_call *call,
                                       ihp_reply *reply) {
  (void)instance;
  (void)ctx;
  (void)call;
  (void)reply;
  return IHP_OK;
}

IHP_EXPORT ihp_status ihp_plugin_entry(ihp_entry_args *args) {
  static ihp_plugin_api table;
  tp_table_init(&table, "partial_hook");
  table.remote_users_resolve = partial_hook_resolve;
  table.struct_size = (uint32_t)(offsetof(ihp_plugin_api, remote_users_resolve) + sizeof(void *) / 2);
  return tp_accept(args, &table);
}
