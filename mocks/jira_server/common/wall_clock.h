// The mock's clock, epoch milliseconds, and Jira's rendering of a time
// ("2026-11-26T19:38:16.123+0000"). The format is the SDK's timestamp codec
// (ihp/sdk/timestamp.hpp), the one the plugin parses Jira's times with, so
// the mock cannot write a time the plugin would read differently.
#pragma once

#include <cstdint>
#include <string>

#include "ihp/sdk/timestamp.hpp"

namespace ih::mock {

std::int64_t nowMillis();

inline std::string jiraDate(std::int64_t epochMillis) {
  return ihp::sdk::timestamp::formatMs(epochMillis, ihp::sdk::timestamp::UtcSuffix::NumericOffset);
}

}  // namespace ih::mock
