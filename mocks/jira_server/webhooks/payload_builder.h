// The JSON body Jira Server POSTs for an issue or comment event.
#pragma once

#include <string>

#include "webhooks/issue_event.h"

namespace ih::mock {

std::string buildPayload(const IssueEvent& event);

}  // namespace ih::mock
