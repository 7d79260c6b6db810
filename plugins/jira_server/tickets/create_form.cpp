#include "tickets/create_form.h"

#include <algorithm>

#include "client/createmeta_api.h"
#include "client/project_api.h"
#include "common/replies.h"
#include "config/ignored_fields.h"
#include "tickets/form_field.h"
#include "tickets/issue_defaults.h"
#include "tickets/meta_form_fields.h"

namespace ih::jira {

namespace {

constexpr std::string_view kMetadataFailed =
    "Could not fetch issue creation metadata from Jira Server. Ensure that the integration user has access to the "
    "requested project.";

// The first of `preferences` that is one of `ids`, else the first id.
std::string pick(const std::vector<std::string>& ids, std::initializer_list<std::string> preferences) {
  for (const auto& preferred : preferences) {
    if (!preferred.empty() && std::find(ids.begin(), ids.end(), preferred) != ids.end()) return preferred;
  }
  return ids.empty() ? std::string() : ids.front();
}

template <class Items, class Id>
std::vector<std::string> idsOf(const Items& items, Id id) {
  std::vector<std::string> ids;
  for (const auto& item : items) ids.push_back(id(item));
  return ids;
}

FormField selectField(std::string name, std::string label, std::string selected) {
  FormField field;
  field.name = std::move(name);
  field.label = std::move(label);
  field.type = "select";
  field.required = true;
  field.updatesForm = true;
  field.defaultValue = std::move(selected);
  return field;
}

std::vector<FormField> commonFields(const FormContext& context) {
  FormField title;
  title.name = "title";
  title.label = "Title";
  title.type = "text";
  title.required = true;
  title.defaultValue = context.title;

  FormField description;
  description.name = "description";
  description.label = "Description";
  description.type = "textarea";
  description.defaultValue =
      "Sentry Issue: [" + context.shortId + "|" + context.issueUrl + "?referrer=jira_integration]";
  return {title, description};
}

// Sentry keeps the form usable (the project can still be changed) and says why the rest is missing.
void replyWithoutMetadata(ihp::sdk::Reply& reply, FormField project) {
  FormField notice;
  notice.name = "error";
  notice.label = "";
  notice.type = "blank";
  notice.help = std::string(kMetadataFailed);
  reply.json(200, formJson({std::move(project), std::move(notice)}));
}

}  // namespace

ihp_status runCreateForm(const ihp::sdk::Host& host, const FormContext& context, ihp::sdk::Reply& reply,
                         ResponseCache& cache) {
  auto connection = formConnection(host, context, reply);
  if (!connection) return IHP_OK;
  JiraClient client(host, std::move(*connection), &cache);

  auto projects = ProjectApi(client).list();
  if (!projects || projects->empty()) {
    replyDetail(reply, 400, kProjectListFailed);
    return IHP_OK;
  }
  const std::string projectId = pick(idsOf(projects.value(), [](const JiraProject& p) { return p.id; }),
                                     {context.param("project"), lastIssueProject(context.config)});
  FormField project = selectField("project", "Jira Project", projectId);
  for (const auto& p : projects.value()) project.choices.push_back({p.id, p.key});

  CreateMetaApi meta(client);
  auto types = meta.issueTypes(projectId);
  if (!types || types->empty()) {
    replyWithoutMetadata(reply, std::move(project));
    return IHP_OK;
  }
  const IssueDefaults defaults = issueDefaultsFor(context.config, projectId);
  const std::string typeId = pick(idsOf(types.value(), [](const JiraIssueType& t) { return t.id; }),
                                  {context.param("issuetype"), defaults.issueType});
  FormField issueType = selectField("issuetype", "Issue Type", typeId);
  for (const auto& t : types.value()) issueType.choices.push_back({t.id, t.name});

  auto fields = meta.fields(projectId, typeId);
  if (!fields) {
    replyWithoutMetadata(reply, std::move(project));
    return IHP_OK;
  }
  const auto ignored = ignoredFieldsOf(context.config);
  MetaFormOptions options{{ignored.begin(), ignored.end()}, context.searchUrl(), projectId, defaults};

  std::vector<FormField> form{std::move(project), std::move(issueType)};
  for (auto& field : commonFields(context)) form.push_back(std::move(field));
  for (auto& field : metaFormFields(std::move(fields.value()), options)) form.push_back(std::move(field));
  reply.json(200, formJson(form));
  return IHP_OK;
}

}  // namespace ih::jira
