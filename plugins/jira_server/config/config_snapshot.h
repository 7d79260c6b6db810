// config/config_snapshot.h - the org-link config that host documents carry
// along (an outbound event's snapshot, a form context): copied out of the
// document so flows can read toggles, mappings and form defaults from it.
#pragma once

#include "ihp/sdk/json.hpp"

namespace ih::jira {

// `document`'s "config" object copied into `out`; {} when absent or not an object.
void copyConfigSnapshot(const ihp::sdk::json::Value& document, ihp::sdk::json::Document& out);

}  // namespace ih::jira
