// host/api/serializers.h - the JSON views of host records that the REST API
// answers with (camelCase, ids as strings, ISO-8601 UTC dates with
// milliseconds).
//
// Integration views never include metadata, credentials, webhook URLs or any
// other secret: only the fields listed in writeIntegration exist.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "domain/integration_service.h"
#include "domain/issue_service.h"
#include "ihp/sdk/json.hpp"
#include "plugins/loaded_plugin.h"
#include "storage/records.h"

namespace ih::host::api {

using ihp::sdk::json::JsonBuilder;

std::string idString(int64_t id);
// 2026-11-26T19:38:16.123Z
std::string isoTimestamp(int64_t epochMs);

const char* roleName(storage::Role role);
const char* issueStatusName(storage::IssueStatus status);
// "active" | "disabled" | "pending_deletion"; the integration's own status
// wins over the org link's when it is not active.
const char* integrationStatusName(storage::IntegrationStatus integration, storage::IntegrationStatus link);
const char* jobStateName(storage::JobState state);

void writeOrganization(JsonBuilder& b, const storage::Organization& org);
void writeUser(JsonBuilder& b, const storage::User& user);
void writeSlugged(JsonBuilder& b, int64_t id, std::string_view slug);  // teams, projects
void writeIssue(JsonBuilder& b, const storage::Issue& issue, const storage::Project& project,
                const std::optional<storage::User>& assignee);
void writeActivity(JsonBuilder& b, const storage::Activity& activity);
void writeComment(JsonBuilder& b, const storage::Comment& comment);
void writeExternalIssue(JsonBuilder& b, const domain::ExternalIssueView& external);
// `configJson` is what the plugin's config_view made of the stored config.
void writeIntegration(JsonBuilder& b, const domain::OrgIntegrationView& view, std::string_view providerName,
                      std::string_view configJson);
void writePluginInfo(JsonBuilder& b, const plugins::PluginInfo& info);
void writeJob(JsonBuilder& b, const storage::Job& job);

// A JSON object document spliced verbatim when it parses as one, else {}.
void writeObjectOrEmpty(JsonBuilder& b, std::string_view json);

}  // namespace ih::host::api
