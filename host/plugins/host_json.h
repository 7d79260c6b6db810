// host/plugins/host_json.h - the JSON documents the host hands to plugins,
// in exactly the shapes plugin_abi.h documents next to each service.
#pragma once

#include <string>
#include <vector>

#include "domain/inbound_sync.h"
#include "domain/integration_service.h"
#include "storage/records.h"

namespace ih::host::plugins::json_out {

// {"id","provider","externalId","name","status","metadata":{...}}
std::string integration(const storage::Integration& integration);
// [{"organizationId","pluginEnabled","status","config":{...}}]
std::string orgLinks(const std::vector<domain::OrgLinkInfo>& links);
// [{"organizationId","issueId","projectId","externalIssueId","status","assigneeId"}]
std::string linkedIssues(const std::vector<domain::LinkedIssue>& issues);
// [{"id","email","name"}]
std::string users(const std::vector<storage::User>& users);
// {"affected","assigned","unassigned","unchanged","stale","userNotFound"}
std::string assigneeSync(const domain::AssigneeSyncResult& result);
// {"affected","changed"}
std::string statusSync(const domain::StatusSyncResult& result);

}  // namespace ih::host::plugins::json_out
