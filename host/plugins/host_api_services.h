// host/plugins/host_api_services.h - internal: each service group of the
// ihp_host_api table lives in its own file (host_api_<group>.cpp) and installs
// its function pointers into the table through one of these.
#pragma once

#include "ihp/plugin_abi.h"

namespace ih::host::plugins::api {

void installLogServices(ihp_host_api& table);          // log, counter_add, now_ms
void installHttpServices(ihp_host_api& table);         // http_send
void installCryptoServices(ihp_host_api& table);       // random, hmac, compare, JWT, keys, OAuth 1.0a
void installIntegrationServices(ihp_host_api& table);  // integrations, org links, credentials, config
void installDomainServices(ihp_host_api& table);       // issues, users, activities, inbound sync, watermarks
void installJobServices(ihp_host_api& table);          // job_enqueue
void installReplyServices(ihp_host_api& table);        // reply_*
void installSyncLogServices(ihp_host_api& table);      // sync_log_write

}  // namespace ih::host::plugins::api
