// tickets/meta_form_fields.h - the create form's Jira fields, built from the
// issue type's create metadata: priority (select), labels (text),
// components / fixVersions (multi-select), user pickers (async selects on the
// search route), custom single / multi selects, and other REQUIRED
// string/number fields as text. `issuelinks` and the org's ignored fields are
// hidden; priority, fixVersions, components, security come first, then the
// rest by field id.
#pragma once

#include <set>
#include <string>
#include <vector>

#include "client/createmeta_api.h"
#include "tickets/form_field.h"
#include "tickets/issue_defaults.h"

namespace ih::jira {

struct MetaFormOptions {
  std::set<std::string> hidden;  // ignored field ids
  std::string searchUrl;         // the plugin's search route for this org + integration
  std::string projectId;
  IssueDefaults defaults;  // saved for the project
};

std::vector<FormField> metaFormFields(std::vector<FieldMeta> meta, const MetaFormOptions& options);

}  // namespace ih::jira
