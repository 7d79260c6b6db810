// tickets/create_action.h - creating a ticket (IHP_FORM_CREATE action): checks
// project and issue type, re-reads the type's field metadata, converts the
// submitted values by schema (field_conversion.h), POSTs /rest/api/2/issue,
// reads the new ticket back and answers it (201). On success the project's
// issue type, priority and labels are saved as the form's next defaults.
#pragma once

#include <string_view>

#include "client/response_cache.h"
#include "ihp/sdk/host.hpp"
#include "ihp/sdk/reply.hpp"
#include "tickets/form_context.h"

namespace ih::jira {

ihp_status runCreateAction(const ihp::sdk::Host& host, const FormContext& context, std::string_view inputJson,
                           ihp::sdk::Reply& reply, ResponseCache& cache);

}  // namespace ih::jira
