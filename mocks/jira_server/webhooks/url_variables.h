// Webhook URL variables: ${issue.key} style on every version, plus the {issue.key} style
// Jira 10 documents. Unknown variables stay in place, as in Jira.
#pragma once

#include <map>
#include <string>

namespace ih::mock {

std::string substituteUrlVariables(const std::string& url, const std::map<std::string, std::string>& values,
                                   int majorVersion);

}  // namespace ih::mock
