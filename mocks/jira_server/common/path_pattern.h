// Path patterns shared by fault rules and the journal filter: an exact path, or a prefix
// ending in '*'. A pattern may be written Jira-relative ("/rest/api/2/issue/*") or with
// the context path ("/jira/rest/..."); both forms match.
#pragma once

#include <string>
#include <string_view>

namespace ih::mock {

bool pathMatches(std::string_view pattern, std::string_view fullPath, std::string_view contextPath);

}  // namespace ih::mock
