#include "tickets/ticket_hooks.h"

#include "common/replies.h"
#include "tickets/create_action.h"
#include "tickets/create_form.h"
#include "tickets/form_context.h"
#include "tickets/link_action.h"
#include "tickets/link_form.h"

namespace ih::jira {

namespace {

bool readContext(const ihp_form_call& call, FormContext& context, ihp::sdk::Reply& reply) {
  if (parseFormContext(ihp::sdk::view(call.context_json), context)) return true;
  replyDetail(reply, 400, "The form context is incomplete.");
  return false;
}

}  // namespace

ihp_status runIssueForm(const ihp::sdk::Host& host, const ihp_form_call& call, ihp::sdk::Reply& reply,
                        ResponseCache& cache) {
  FormContext context;
  if (!readContext(call, context, reply)) return IHP_OK;
  switch (call.form) {
    case IHP_FORM_LINK: return runLinkForm(context, reply);
    case IHP_FORM_CREATE: return runCreateForm(host, context, reply, cache);
    default: return IHP_E_UNSUPPORTED;
  }
}

ihp_status runIssueAction(const ihp::sdk::Host& host, const ihp_form_call& call, ihp::sdk::Reply& reply,
                          ResponseCache& cache) {
  FormContext context;
  if (!readContext(call, context, reply)) return IHP_OK;
  switch (call.form) {
    case IHP_FORM_LINK: return runLinkAction(host, context, ihp::sdk::view(call.input_json), reply, cache);
    case IHP_FORM_CREATE: return runCreateAction(host, context, ihp::sdk::view(call.input_json), reply, cache);
    default: return IHP_E_UNSUPPORTED;
  }
}

}  // namespace ih::jira
