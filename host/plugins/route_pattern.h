// host/plugins/route_pattern.h - the path patterns plugin routes declare
// ("/extensions/jira-server/issue-updated/{token}/"): syntax check at load
// time and matching at request time.
//
// A pattern is '/'-separated segments; a segment is either literal text or a
// whole-segment parameter {name} ([A-Za-z_][A-Za-z0-9_]*, unique). Matching
// compares segment by segment, ignores a trailing-slash difference, and
// percent-decodes parameter values.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace ih::host::plugins {

using PathParams = std::vector<std::pair<std::string, std::string>>;

// Empty when the pattern is well formed; otherwise why not.
std::string routePatternError(std::string_view pattern);

// The parameters when `path` (no query) matches `pattern`.
std::optional<PathParams> matchRoutePattern(std::string_view pattern, std::string_view path);

}  // namespace ih::host::plugins
