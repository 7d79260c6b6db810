// tickets/form_field.h - one field of a link/create form as the API
// describes it (Sentry's shape): {"name","label","type","required","default",
// "choices":[[value,label]],"url"?,"updatesForm"?,"multiple"?,"help"?}.
// `url` makes a select asynchronous (the plugin's search route); a field with
// `updatesForm` asks the client to fetch the form again when it changes.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace ih::jira {

struct FormChoice {
  std::string value;
  std::string label;
};

struct FormField {
  std::string name;
  std::string label;
  std::string type;  // "select" | "text" | "textarea" | "blank"
  bool required = false;
  std::optional<std::string> defaultValue;
  std::vector<FormChoice> choices;  // written for selects
  std::string url;                  // async select source; "" = none
  bool updatesForm = false;
  bool multiple = false;
  std::string help;
};

// {"fields":[...]}
std::string formJson(const std::vector<FormField>& fields);

}  // namespace ih::jira
