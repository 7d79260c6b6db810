#include "rest/jql.h"

#include <cctype>

#include "actions/jira_error.h"
#include "common/http_types.h"

namespace ih::mock {
namespace {

bool isIssueField(const std::string& field) {
  return field == "id" || field == "key" || field == "issuekey" || field == "issue";
}

bool isTextField(const std::string& field) {
  return field == "text" || field == "summary" || field == "description";
}

bool isKnownField(const std::string& field) {
  return isIssueField(field) || isTextField(field) || field == "project" || field == "status" || field == "assignee";
}

class Lexer {
 public:
  explicit Lexer(const std::string& text) : text_(text) {}

  bool atEnd() {
    skipSpaces();
    return pos_ >= text_.size();
  }

  std::string word() {
    skipSpaces();
    auto start = pos_;
    while (pos_ < text_.size() && (std::isalnum(static_cast<unsigned char>(text_[pos_])) || text_[pos_] == '_' ||
                                   text_[pos_] == '-' || text_[pos_] == '.' || text_[pos_] == '(' || text_[pos_] == ')')) {
      ++pos_;
    }
    if (start == pos_) fail("Expecting a field name or value");
    return text_.substr(start, pos_ - start);
  }

  std::string op() {
    skipSpaces();
    if ((text_.compare(pos_, 2, "in") == 0 || text_.compare(pos_, 2, "IN") == 0) && pos_ + 2 < text_.size() &&
        (std::isspace(static_cast<unsigned char>(text_[pos_ + 2])) || text_[pos_ + 2] == '(')) {
      pos_ += 2;
      return "in";
    }
    for (const char* candidate : {"!=", "=", "~"}) {
      std::string c = candidate;
      if (text_.compare(pos_, c.size(), c) == 0) {
        pos_ += c.size();
        return c;
      }
    }
    fail("Expecting operator");
    return {};
  }

  std::string value() {
    skipSpaces();
    if (pos_ < text_.size() && (text_[pos_] == '"' || text_[pos_] == '\'')) return quoted(text_[pos_]);
    return word();
  }

  // ( v1, "v2", v3 )
  std::vector<std::string> list() {
    skipSpaces();
    if (pos_ >= text_.size() || text_[pos_] != '(') fail("Expecting '('");
    ++pos_;
    std::vector<std::string> values;
    while (true) {
      skipSpaces();
      if (pos_ < text_.size() && (text_[pos_] == '"' || text_[pos_] == '\'')) {
        values.push_back(quoted(text_[pos_]));
      } else {
        auto start = pos_;
        while (pos_ < text_.size() && (std::isalnum(static_cast<unsigned char>(text_[pos_])) || text_[pos_] == '-' ||
                                       text_[pos_] == '_' || text_[pos_] == '.')) {
          ++pos_;
        }
        if (start == pos_) fail("Expecting a value");
        values.push_back(text_.substr(start, pos_ - start));
      }
      skipSpaces();
      if (pos_ < text_.size() && text_[pos_] == ',') {
        ++pos_;
        continue;
      }
      if (pos_ < text_.size() && text_[pos_] == ')') {
        ++pos_;
        return values;
      }
      fail("Expecting ',' or ')'");
    }
  }

  [[noreturn]] void fail(const std::string& what) const {
    std::string near = pos_ < text_.size() ? "'" + text_.substr(pos_, 1) + "'" : "end of query";
    throw JiraError::message(400, "Error in the JQL Query: " + what + " but got " + near +
                                      ". The query is invalid. (line 1, character " + std::to_string(pos_ + 1) + ")");
  }

 private:
  void skipSpaces() {
    while (pos_ < text_.size() && std::isspace(static_cast<unsigned char>(text_[pos_]))) ++pos_;
  }

  std::string quoted(char quote) {
    std::string out;
    ++pos_;
    while (pos_ < text_.size() && text_[pos_] != quote) {
      if (text_[pos_] == '\\' && pos_ + 1 < text_.size()) ++pos_;
      out.push_back(text_[pos_++]);
    }
    if (pos_ >= text_.size()) fail("The quoted string has not been completed");
    ++pos_;
    return out;
  }

  const std::string& text_;
  std::size_t pos_ = 0;
};

bool containsFolded(const std::optional<std::string>& haystack, const std::string& needle) {
  return haystack && lowercase(*haystack).find(lowercase(needle)) != std::string::npos;
}

bool clauseHolds(const JiraModel& model, const Issue& issue, const JqlClause& clause) {
  const auto field = lowercase(clause.field);
  bool hit = false;
  if (clause.op == "in") {
    for (const auto& value : clause.values) {
      const auto* target = model.findIssue(value);  // a moved issue answers on its old keys too
      hit = hit || (target != nullptr && target->id == issue.id);
    }
  } else if (isIssueField(field)) {
    const auto* target = model.findIssue(clause.value);
    hit = target != nullptr && target->id == issue.id;
  } else if (field == "text") {
    hit = containsFolded(issue.summary, clause.value) || containsFolded(issue.description, clause.value);
  } else if (field == "summary") {
    hit = containsFolded(issue.summary, clause.value);
  } else if (field == "description") {
    hit = containsFolded(issue.description, clause.value);
  } else if (field == "project") {
    const auto* project = model.findProject(clause.value);
    hit = project != nullptr && project->key == issue.projectKey;
  } else if (field == "status") {
    const auto* status = model.findStatus(issue.statusId);
    hit = issue.statusId == clause.value || (status != nullptr && lowercase(status->name) == lowercase(clause.value));
  } else if (field == "assignee") {
    hit = issue.assignee && *issue.assignee == clause.value;
  }
  return clause.op == "!=" ? !hit : hit;
}

}  // namespace

JqlQuery JqlQuery::parse(const std::string& jql) {
  JqlQuery query;
  Lexer lexer(jql);
  while (!lexer.atEnd()) {
    auto field = lexer.word();
    if (lowercase(field) == "order") break;  // ORDER BY: the mock answers in key order anyway
    if (!isKnownField(lowercase(field))) {
      throw JiraError::message(400, "Field '" + field + "' does not exist or you do not have permission to view it.");
    }
    JqlClause clause{field, lexer.op(), "", {}};
    if (clause.op == "in") {
      if (!isIssueField(lowercase(field))) {
        throw JiraError::message(400, "The operator 'in' is not supported by the '" + field + "' field in this mock.");
      }
      clause.values = lexer.list();
      query.clauses_.push_back(clause);
      if (lexer.atEnd()) break;
      auto joiner = lowercase(lexer.word());
      if (joiner == "order") break;
      if (joiner != "and") lexer.fail("Expecting either 'OR' or 'AND'");
      continue;
    }
    clause.value = lexer.value();
    bool textual = isTextField(lowercase(field));
    if (textual != (clause.op == "~")) {
      throw JiraError::message(400, "The operator '" + clause.op + "' is not supported by the '" + field + "' field.");
    }
    query.clauses_.push_back(clause);
    if (lexer.atEnd()) break;
    auto joiner = lowercase(lexer.word());
    if (joiner == "order") break;
    if (joiner != "and") lexer.fail("Expecting either 'OR' or 'AND'");
  }
  return query;
}

std::vector<std::string> JqlQuery::warnings(const JiraModel& model) const {
  std::vector<std::string> out;
  for (const auto& clause : clauses_) {
    for (const auto& value : clause.values) {
      if (model.findIssue(value) == nullptr) {
        out.push_back("The issue key '" + value + "' for field '" + clause.field + "' is invalid.");
      }
    }
  }
  return out;
}

void JqlQuery::validate(const JiraModel& model) const {
  for (const auto& clause : clauses_) {
    const auto field = lowercase(clause.field);
    for (const auto& value : clause.values) {
      if (model.findIssue(value) == nullptr) {
        throw JiraError::message(400, "An issue with key '" + value + "' does not exist for field '" + clause.field + "'.");
      }
    }
    if (isIssueField(field) && model.findIssue(clause.value) == nullptr) {
      throw JiraError::message(400, "An issue with key '" + clause.value + "' does not exist for field '" + clause.field + "'.");
    }
    if (field == "project" && model.findProject(clause.value) == nullptr) {
      throw JiraError::message(400, "The value '" + clause.value + "' does not exist for the field '" + clause.field + "'.");
    }
  }
}

bool JqlQuery::matches(const JiraModel& model, const Issue& issue) const {
  for (const auto& clause : clauses_) {
    if (!clauseHolds(model, issue, clause)) return false;
  }
  return true;
}

}  // namespace ih::mock
