#include "sync/syncing_orgs.h"

#include <string>

#include "ihp/sdk/json.hpp"

namespace ih::jira {

namespace json = ihp::sdk::json;

Expected<std::vector<int64_t>, ihp_status> orgsSyncing(const ihp::sdk::Host& host, int64_t integrationId,
                                                       std::string_view toggleKey, std::string_view what) {
  auto links = host.orgLinks(integrationId);
  if (!links) {
    host.error(std::string(what) + ": org links unreadable: " + ihp::sdk::statusName(links.status));
    return fail(links.status);
  }
  json::Document doc;
  if (!json::parse(links.value, doc) || !doc.IsArray()) {
    host.error(std::string(what) + ": org links are not a JSON array");
    return fail(IHP_E_INTERNAL);
  }
  std::vector<int64_t> organizations;
  for (const auto& link : doc.GetArray()) {
    const int64_t organizationId = json::int64(link, "organizationId").value_or(0);
    const json::Value* config = json::member(link, "config");
    const bool enabled = json::boolean(link, "pluginEnabled").value_or(false);
    if (organizationId == 0 || !enabled || config == nullptr || !json::truthy(*config, toggleKey)) continue;
    organizations.push_back(organizationId);
  }
  return organizations;
}

}  // namespace ih::jira
