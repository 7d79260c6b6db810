// host/api/issue_lookup.h - finding the {id} issue of the route's
// organization and rendering it as the contract's issue view.
#pragma once

#include "api/api_call.h"
#include "api/serializers.h"
#include "storage/records.h"

namespace ih::host::api {

// The issue named by the {id} path parameter; NotFoundError when it is not
// an issue of the route's organization.
storage::Issue requireIssue(ApiCall& call);

// Looks up the project and assignee and writes the issue view.
void writeIssueView(ApiCall& call, JsonBuilder& b, const storage::Issue& issue);
http::Response issueResponse(ApiCall& call, int status, const storage::Issue& issue);

}  // namespace ih::host::api
