// host/domain/org_link_info.h - one org link of an integration as a plugin
// sees it (ihp_host_api.org_links_list); its own header so the lookup cache
// can keep lists of them without depending on IntegrationService.
#pragma once

#include <cstdint>
#include <string>

#include "storage/records.h"

namespace ih::host::domain {

struct OrgLinkInfo {
  int64_t organizationId = 0;
  bool pluginEnabled = false;
  storage::IntegrationStatus status = storage::IntegrationStatus::Active;
  std::string configJson = "{}";
};

}  // namespace ih::host::domain
