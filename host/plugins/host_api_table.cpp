// host/plugins/host_api_table.cpp - assembles the ihp_host_api table from the
// service groups (host_api_<group>.cpp) once, on first use.
#include "plugins/host_api_table.h"

#include "plugins/host_api_services.h"

namespace ih::host::plugins {

const ihp_host_api& hostApiTable() {
  static const ihp_host_api table = [] {
    ihp_host_api t{};
    t.struct_size = sizeof(ihp_host_api);
    t.abi_minor = IHP_ABI_MINOR;
    api::installLogServices(t);
    api::installHttpServices(t);
    api::installCryptoServices(t);
    api::installIntegrationServices(t);
    api::installDomainServices(t);
    api::installJobServices(t);
    api::installReplyServices(t);
    api::installSyncLogServices(t);
    return t;
  }();
  return table;
}

}  // namespace ih::host::plugins
