// client/jira_time.h - Jira's timestamps ("2024-06-10T09:13:20.123+0000":
// ISO-like, offset without a colon) to epoch milliseconds. Webhook ordering
// (per-issue watermarks) compares these, so the parse must honour the offset.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace ih::jira {

// Accepts yyyy-MM-ddTHH:mm:ss[.fraction][Z|±HHMM|±HH:MM|±HH]; no offset means
// UTC. Fractions beyond milliseconds are truncated. nullopt when malformed or
// out of range.
std::optional<int64_t> parseJiraTime(std::string_view text);

}  // namespace ih::jira
