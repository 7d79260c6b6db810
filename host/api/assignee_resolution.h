// host/api/assignee_resolution.h - what PUT issue's "assignedTo" names.
//
// "user:<id>" is a member of the organization by id; anything else is an
// email that must belong to a member as the primary email or a VERIFIED
// secondary one (case-insensitive). Anything else is a ValidationError on
// "assignedTo".
#pragma once

#include <cstdint>
#include <string>

#include "api/api_call.h"

namespace ih::host::api {

int64_t resolveAssignee(ApiCall& call, const std::string& assignedTo);

}  // namespace ih::host::api
