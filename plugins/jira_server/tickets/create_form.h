// tickets/create_form.h - the create form (IHP_FORM_CREATE): project and
// issue type selects (changing either reloads the form), title, description
// (linking back to the issue), then the chosen issue type's fields. The
// selected project is ?project=, else the one used last, else the first;
// the issue type ?issuetype=, else the project's saved default, else the first.
#pragma once

#include "client/response_cache.h"
#include "ihp/sdk/host.hpp"
#include "ihp/sdk/reply.hpp"
#include "tickets/form_context.h"

namespace ih::jira {

inline constexpr std::string_view kProjectListFailed =
    "Could not fetch project list from Jira Server. Ensure that Jira Server is available and your account is "
    "still active.";

ihp_status runCreateForm(const ihp::sdk::Host& host, const FormContext& context, ihp::sdk::Reply& reply,
                         ResponseCache& cache);

}  // namespace ih::jira
