// Field values of create and edit requests: Jira's accepted value shapes ({"name"},
// {"id"}, {"value"}, arrays of those), its validation messages, and the changelog items
// an edit produces. Shared by issue creation and issue edit.
#pragma once

#include <string>
#include <vector>

#include <rapidjson/document.h>

#include "actions/jira_error.h"
#include "state/jira_model.h"
#include "webhooks/issue_event.h"

namespace ih::mock {

// Applies one value to the issue; problems are recorded under fieldId. Returns false for
// fields this function does not know (the caller reports them as not on the screen).
bool applyFieldValue(const JiraModel& model, const Project& project, Issue& issue, const std::string& fieldId,
                     const rapidjson::Value& value, FieldErrors& errors);

// Changelog items Jira emits for the differences between two versions of an issue
// (summary, description, priority, labels, components, fixVersions, custom fields,
// assignee, reporter).
std::vector<ChangeItem> changedFields(const JiraModel& model, const Issue& before, const Issue& after);

// The assignee slot of a change: user key and display name, or nulls when unassigned.
ChangeItem userChange(const JiraModel& model, const std::string& field, const std::optional<std::string>& before,
                      const std::optional<std::string>& after);

// Whether the user may hold issues: exists, active and assignable.
bool canBeAssigned(const JiraModel& model, const std::string& userName);

}  // namespace ih::mock
