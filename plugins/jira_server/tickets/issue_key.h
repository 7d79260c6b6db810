// tickets/issue_key.h - recognising Jira issue keys in what users type: the
// link form takes a key or a URL of the SAME Jira (base URL, context path
// included): /browse/KEY, any page with ?selectedIssue=KEY (boards), trailing
// slashes allowed. A URL of another Jira is refused, not guessed at.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace ih::jira {

// ^[A-Za-z][A-Za-z0-9_]*-\d+$ (what the link form accepts; project keys may hold '_').
bool isLinkableIssueKey(std::string_view text);
// ^[A-Za-z][A-Za-z0-9]*-\d+$ (Sentry's search rule: such a query is looked up by key).
bool isSearchIssueKey(std::string_view text);

// The key the user means, or nullopt when `input` is neither a key nor a
// ticket URL of the Jira at `baseUrl`.
std::optional<std::string> issueKeyFromInput(std::string_view input, std::string_view baseUrl);

}  // namespace ih::jira
