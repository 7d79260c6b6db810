// The JQL subset integrations send: `id|key|issuekey = KEY` (quoted or not), `key in (K1, K2)`, `text ~
// "words"`, `summary|description ~ "words"`, `project = KEY`, `status = name|id` and
// `assignee = name`, joined with AND, optionally followed by ORDER BY (ignored).
// Errors come back in Jira's wording as 400 JiraErrors.
#pragma once

#include <string>
#include <vector>

#include "state/jira_model.h"

namespace ih::mock {

struct JqlClause {
  std::string field;  // as written
  std::string op;     // "=", "!=", "~" or "in"
  std::string value;
  std::vector<std::string> values;  // "in": the list
};

class JqlQuery {
 public:
  // Throws JiraError(400) for syntax errors and unknown fields.
  static JqlQuery parse(const std::string& jql);
  // Throws JiraError(400) for references to issues or projects that do not exist.
  void validate(const JiraModel& model) const;
  // validateQuery=warn: Jira's warnings for issue keys that do not exist (the query runs).
  std::vector<std::string> warnings(const JiraModel& model) const;
  bool matches(const JiraModel& model, const Issue& issue) const;

 private:
  std::vector<JqlClause> clauses_;
};

}  // namespace ih::mock
