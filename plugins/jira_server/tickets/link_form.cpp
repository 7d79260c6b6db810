#include "tickets/link_form.h"

#include "tickets/form_field.h"

namespace ih::jira {

ihp_status runLinkForm(const FormContext& context, ihp::sdk::Reply& reply) {
  FormField issue;
  issue.name = "externalIssue";
  issue.label = "Issue";
  issue.type = "select";
  issue.required = true;
  issue.url = context.searchUrl();

  FormField comment;
  comment.name = "comment";
  comment.label = "Comment";
  comment.type = "textarea";
  comment.defaultValue = "Linked Sentry Issue: [" + context.shortId + "|" + context.issueUrl + "?referrer=jira_server]";
  comment.help = "Leave blank if you don't want to add a comment to the Jira Server issue.";

  reply.json(200, formJson({issue, comment}));
  return IHP_OK;
}

}  // namespace ih::jira
