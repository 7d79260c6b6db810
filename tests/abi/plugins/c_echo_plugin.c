/*
 * tests/abi/plugins/c_echo_plugin.c - a plain-C plugin, no SDK and no C++:
 * proof that the ABI is usable from C99 alone.
 *
 * GET /extensions/c-echo/echo/{word}/ (public) answers
 *   {"word":"<word>","hmac":"<hex HMAC-SHA256(key "c_echo", word)>","now":<ms>}
 * using two host services (hmac_sha256 and now_ms) and the reply builder, and
 * counts calls with counter_add. Words must be [A-Za-z0-9_-]{1,64} (400
 * otherwise), which keeps the hand-written JSON trivially valid.
 */
#include <stdio.h>

#include "test_plugin.h"

static const ihp_route c_echo_routes[] = {
    {IHP_STR_LIT("GET"), IHP_STR_LIT("/extensions/c-echo/echo/{word}/"), IHP_ROUTE_PUBLIC},
};

static int c_echo_word_ok(ihp_str word) {
  size_t i;
  if (word.ptr == NULL || word.len == 0 || word.len > 64) return 0;
  for (i = 0; i < word.len; ++i) {
    char c = word.ptr[i];
    int ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
    if (!ok) return 0;
  }
  return 1;
}

static ihp_status c_echo_handle_request(ihp_plugin *instance, ihp_host_ctx *ctx, const ihp_request *request,
                                        ihp_reply *reply) {
  static const char hex[] = "0123456789abcdef";
  uint8_t mac[32];
  char mac_hex[65];
  char body[256];
  ihp_str word = {NULL, 0};
  ihp_status status;
  size_t i;
  int n;
  (void)instance;
  if (request->path_param_count == 1) word = request->path_params[0].value;
  tp_host->counter_add(ctx, tp_str("requests"), tp_str("route"), tp_str("echo"), 1.0);
  if (!c_echo_word_ok(word)) {
    tp_host->reply_status(reply, 400);
    tp_host->reply_body(reply, "{\"detail\":\"bad word\"}", 21);
    return IHP_OK;
  }
  status = tp_host->hmac_sha256(ctx, tp_str("c_echo"), word, mac);
  if (status != IHP_OK) return status;
  for (i = 0; i < 32; ++i) {
    mac_hex[2 * i] = hex[mac[i] >> 4];
    mac_hex[2 * i + 1] = hex[mac[i] & 0xf];
  }
  mac_hex[64] = '\0';
  n = snprintf(body, sizeof body, "{\"word\":\"%.*s\",\"hmac\":\"%s\",\"now\":%lld}", (int)word.len, word.ptr, mac_hex,
               (long long)tp_host->now_ms(ctx));
  if (n < 0 || (size_t)n >= sizeof body) return IHP_E_INTERNAL;
  tp_host->reply_status(reply, 200);
  tp_host->reply_header(reply, tp_str("Content-Type"), tp_str("application/json"));
  tp_host->reply_body(reply, body, (size_t)n);
  return IHP_OK;
}

static ihp_status c_echo_init(const ihp_host_api *host, ihp_host_ctx *ctx, ihp_plugin **instance) {
  host->log(ctx, IHP_LOG_INFO, tp_str("c_echo ready"));
  *instance = NULL;
  return IHP_OK;
}

IHP_EXPORT ihp_status ihp_plugin_entry(ihp_entry_args *args) {
  static ihp_plugin_api table;
  tp_table_with_routes(&table, "c_echo", "C echo", "1.0.0", c_echo_routes, 1, c_echo_handle_request);
  table.init = c_echo_init;
  return tp_accept(args, &table);
}
