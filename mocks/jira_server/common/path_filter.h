// Path filters shared by fault rules and the journal query: an exact path, or a prefix
// ending in '*'. A filter may be written Jira-relative ("/rest/api/2/issue/*") or with
// the context path ("/jira/rest/..."); both forms match. This selects recorded or
// incoming raw paths for test control; it never routes a request (that is the one
// route matcher, host/routing), so it neither decodes nor captures anything.
#pragma once

#include <string>
#include <string_view>

namespace ih::mock {

bool pathMatches(std::string_view pattern, std::string_view fullPath, std::string_view contextPath);

}  // namespace ih::mock
