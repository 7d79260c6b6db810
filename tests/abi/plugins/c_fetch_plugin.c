/*
 * tests/abi/plugins/c_fetch_plugin.c - a plain-C plugin that sends one https
 * GET through the host's http_send, with the request laid out the way a
 * given kind of C plugin would lay it out, so the ABI tests can hold the host
 * to the TLS rule of ABI 1.2 (plugin_abi.h, ihp_http_request):
 *
 *   GET /extensions/c-fetch/fetch/{layout}/{port}/ fetches https://localhost:<port>/
 *   and answers {"status":<ihp_status>,"http":<HTTP status or 0>,"cause":"<transport error>"}
 *
 * Layouts:
 *   zeroed      memset, struct_size = sizeof, nothing TLS-related set (1.2)
 *   skip        zeroed, then tls_insecure_skip_verify = 1 (1.2)
 *   skip-bad    zeroed, then tls_insecure_skip_verify = 2 (not a valid value)
 *   v11-verify  a 1.1 plugin's struct (struct_size = the 1.1 sizeof), verify_tls = 1
 *   v11-any     a 1.1 plugin's struct, verify_tls = 0 (accept any certificate)
 */
#include <stdio.h>

#include "test_plugin.h"

static const ihp_route c_fetch_routes[] = {
    {IHP_STR_LIT("GET"), IHP_STR_LIT("/extensions/c-fetch/fetch/{layout}/{port}/"), IHP_ROUTE_PUBLIC},
};

typedef struct c_fetch_result {
  int32_t http_status;
  char cause[200];
} c_fetch_result;

static void c_fetch_on_status(void *self, int32_t status) { ((c_fetch_result *)self)->http_status = status; }
static void c_fetch_on_header(void *self, ihp_str name, ihp_str value) {
  (void)self;
  (void)name;
  (void)value;
}
static void c_fetch_on_body(void *self, const char *data, size_t len) {
  (void)self;
  (void)data;
  (void)len;
}
/* Keeps the cause printable inside a JSON string: quotes, backslashes and
 * control characters become '?'. */
static void c_fetch_on_transport_error(void *self, ihp_str cause) {
  c_fetch_result *result = (c_fetch_result *)self;
  size_t i, n = cause.len < sizeof result->cause - 1 ? cause.len : sizeof result->cause - 1;
  for (i = 0; i < n; ++i) {
    char c = cause.ptr[i];
    result->cause[i] = (c == '"' || c == '\\' || (unsigned char)c < 0x20) ? '?' : c;
  }
  result->cause[n] = '\0';
}

static int c_fetch_equals(ihp_str s, const char *text) { return s.ptr != NULL && s.len == strlen(text) && memcmp(s.ptr, text, s.len) == 0; }

/* Lays the request out as `layout` says; 0 for an unknown layout. */
static int c_fetch_layout(ihp_str layout, ihp_http_request *request) {
  memset(request, 0, sizeof *request);
  request->struct_size = (uint32_t)sizeof *request;
  if (c_fetch_equals(layout, "zeroed")) return 1;
  if (c_fetch_equals(layout, "skip")) {
    request->tls_insecure_skip_verify = 1;
    return 1;
  }
  if (c_fetch_equals(layout, "skip-bad")) {
    request->tls_insecure_skip_verify = 2;
    return 1;
  }
  /* What a plugin compiled against the 1.1 header passed: its sizeof ended
   * where the 1.2 member begins. */
  request->struct_size = (uint32_t)offsetof(ihp_http_request, tls_insecure_skip_verify);
  if (c_fetch_equals(layout, "v11-verify")) {
    request->verify_tls = 1;
    return 1;
  }
  if (c_fetch_equals(layout, "v11-any")) return 1;
  return 0;
}

static ihp_status c_fetch_handle_request(ihp_plugin *instance, ihp_host_ctx *ctx, const ihp_request *request,
                                         ihp_reply *reply) {
  ihp_http_request out;
  ihp_http_response_sink sink;
  c_fetch_result result;
  char url[64];
  char body[300];
  ihp_str port;
  ihp_status status;
  int n;
  (void)instance;
  if (request->path_param_count != 2) return IHP_E_INVALID;
  port = request->path_params[1].value;
  if (!c_fetch_layout(request->path_params[0].value, &out) || port.len == 0 || port.len > 5) {
    tp_host->reply_status(reply, 404);
    return IHP_OK;
  }
  n = snprintf(url, sizeof url, "https://localhost:%.*s/", (int)port.len, port.ptr);
  if (n < 0 || (size_t)n >= sizeof url) return IHP_E_INTERNAL;
  out.method = tp_str("GET");
  out.url = tp_str(url);
  out.timeout_ms = 10000;

  memset(&result, 0, sizeof result);
  memset(&sink, 0, sizeof sink);
  sink.struct_size = (uint32_t)sizeof sink;
  sink.self = &result;
  sink.on_status = c_fetch_on_status;
  sink.on_header = c_fetch_on_header;
  sink.on_body = c_fetch_on_body;
  sink.on_transport_error = c_fetch_on_transport_error;
  status = tp_host->http_send(ctx, &out, &sink);

  n = snprintf(body, sizeof body, "{\"status\":%d,\"http\":%d,\"cause\":\"%s\"}", (int)status, (int)result.http_status,
               result.cause);
  if (n < 0 || (size_t)n >= sizeof body) return IHP_E_INTERNAL;
  tp_host->reply_status(reply, 200);
  tp_host->reply_header(reply, tp_str("Content-Type"), tp_str("application/json"));
  tp_host->reply_body(reply, body, (size_t)n);
  return IHP_OK;
}

IHP_EXPORT ihp_status ihp_plugin_entry(ihp_entry_args *args) {
  static ihp_plugin_api table;
  tp_table_with_routes(&table, "c_fetch", "C fetch", "1.2.0", c_fetch_routes, 1, c_fetch_handle_request);
  return tp_accept(args, &table);
}
