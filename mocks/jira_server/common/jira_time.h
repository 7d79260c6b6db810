// Jira's clock and date formats: epoch milliseconds inside the mock, rendered as
// yyyy-MM-dd'T'HH:mm:ss.SSS+0000 (offset without a colon), as Jira Server does.
#pragma once

#include <cstdint>
#include <string>

namespace ih::mock {

std::int64_t nowMillis();
std::string formatJiraDate(std::int64_t epochMillis);
// Parses the Jira format (and ISO-8601 with 'Z'); throws std::invalid_argument.
std::int64_t parseJiraDate(const std::string& text);

}  // namespace ih::mock
