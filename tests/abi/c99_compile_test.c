/*
 * tests/abi/c99_compile_test.c - plugin_abi.h must be strict C99: this file
 * is compiled with -std=c99 -pedantic -Wall -Wextra -Werror as part of the
 * build, and run as the `abi_c99_header` test, which also checks the
 * header's helper macros from C. (Size and offset static_asserts live in
 * layout_test.cpp: _Static_assert is C11.)
 */
#include <stdio.h>

#include "ihp/plugin_abi.h"

static int failures = 0;

#define CHECK(condition)                                     \
  do {                                                       \
    if (!(condition)) {                                      \
      fprintf(stderr, "c99 check failed: %s\n", #condition); \
      ++failures;                                            \
    }                                                        \
  } while (0)

int main(void) {
  const ihp_fingerprint fingerprint = IHP_FINGERPRINT_INIT;
  ihp_str method = IHP_STR_LIT("GET");
  ihp_host_api host;
  ihp_plugin_api plugin;

  CHECK(fingerprint.struct_size == sizeof(ihp_fingerprint));
  CHECK(fingerprint.pointer_size == sizeof(void *));
  CHECK(method.len == 3);
  CHECK(IHP_PLUGIN_API_SIZE_V1_0 <= sizeof(ihp_plugin_api));
  CHECK(IHP_HOST_API_SIZE_V1_0 <= sizeof(ihp_host_api));

  host.struct_size = (uint32_t)IHP_HOST_API_SIZE_V1_0;
  host.reply_pipeline_ref = NULL;
  CHECK(IHP_HAS_MEMBER(ihp_host_api, host.struct_size, reply_pipeline_ref));
  CHECK(!IHP_HOST_HAS(&host, reply_pipeline_ref)); /* present but NULL */
  host.struct_size = (uint32_t)offsetof(ihp_host_api, log);
  CHECK(!IHP_HAS_MEMBER(ihp_host_api, host.struct_size, log));

  plugin.struct_size = (uint32_t)sizeof plugin;
  CHECK(IHP_HAS_MEMBER(ihp_plugin_api, plugin.struct_size, uninstall));

  if (failures == 0) printf("plugin_abi.h: C99 checks passed\n");
  return failures == 0 ? 0 : 1;
}
