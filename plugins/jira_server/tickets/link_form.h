// tickets/link_form.h - the link form (IHP_FORM_LINK): `externalIssue`, an
// async select backed by the plugin's search route, and `comment`, posted to
// the ticket once linked. The default comment keeps Sentry's wording
// ("Linked Sentry Issue: [SHORT-ID|url?referrer=jira_server]") so tickets read
// the same whichever tool linked them.
#pragma once

#include "ihp/sdk/host.hpp"
#include "ihp/sdk/reply.hpp"
#include "tickets/form_context.h"

namespace ih::jira {

ihp_status runLinkForm(const FormContext& context, ihp::sdk::Reply& reply);

}  // namespace ih::jira
