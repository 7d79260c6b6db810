// The "journal" step: what the host sent to Jira, from mock-jira's journal (it works
// in replay mode too). Paths are Jira-relative (no context path); a trailing * matches
// any rest ("/rest/api/2/issue/OPS-1/comment/*").
//
//   {"journal": {"method": "PUT", "path": "/rest/api/2/issue/OPS-1/assignee",
//                "count": 2, "statuses": [429, 204], "bodies": [{"name": "bob"}, ...],
//                "auth": "OAuth" | "Bearer", "minIntervalMs": 900}}
//
// "bodies" checks each call's JSON body contains the expected one (json_subset.h; an
// expected string compares the raw text), in order. The replayer already matches
// request bodies strictly; this states in the scenario what the step is about.
#include "json_subset.h"
#include "step_fields.h"
#include "step_kinds.h"
#include "support/json_helpers.h"

namespace ih::replay {
namespace {

using ih::testing::JournalEntry;

std::string describe(const std::vector<JournalEntry>& entries) {
  std::string text;
  for (const auto& entry : entries) text += "\n      " + entry.method + " " + entry.path + " -> " +
                                            std::to_string(entry.status) + " " + entry.body.substr(0, 160);
  return text.empty() ? " (none)" : text;
}

bool bodyContains(const rapidjson::Value& expected, const std::string& actual) {
  if (expected.IsString()) return actual == expected.GetString();
  rapidjson::Document doc;
  doc.Parse(actual.c_str(), actual.size());
  return !doc.HasParseError() && jsonSubsetDiffs(expected, doc).empty();
}

void checkStatuses(const rapidjson::Value& statuses, const std::vector<JournalEntry>& entries) {
  if (!statuses.IsArray() || statuses.Size() != entries.size()) {
    throw StepFailure("expected statuses " + ih::testing::toJson(statuses) + " for" + describe(entries));
  }
  for (rapidjson::SizeType i = 0; i < statuses.Size(); ++i) {
    if (!statuses[i].IsInt()) throw StepFailure("\"statuses\" must be integers");
    if (statuses[i].GetInt() != entries[i].status) {
      throw StepFailure("call " + std::to_string(i) + " answered " + std::to_string(entries[i].status) + ", expected " +
                        std::to_string(statuses[i].GetInt()) + ":" + describe(entries));
    }
  }
}

void checkBodies(const rapidjson::Value& bodies, const std::vector<JournalEntry>& entries) {
  if (!bodies.IsArray() || bodies.Size() != entries.size()) {
    throw StepFailure("expected bodies " + ih::testing::toJson(bodies) + " for" + describe(entries));
  }
  for (rapidjson::SizeType i = 0; i < bodies.Size(); ++i) {
    if (!bodyContains(bodies[i], entries[i].body)) {
      throw StepFailure("call " + std::to_string(i) + " sent " + entries[i].body + ", expected " +
                        ih::testing::toJson(bodies[i]));
    }
  }
}

void checkAuth(const std::string& scheme, const std::vector<JournalEntry>& entries) {
  for (const auto& entry : entries) {
    if (entry.authorization.rfind(scheme + " ", 0) != 0) {
      const auto shown = entry.authorization.substr(0, entry.authorization.find(' '));
      throw StepFailure(entry.method + " " + entry.path + " was authorised with \"" + shown + "\", not " + scheme);
    }
  }
}

void checkIntervals(int minimum, const std::vector<JournalEntry>& entries) {
  for (std::size_t i = 1; i < entries.size(); ++i) {
    const auto gap = entries[i].timeMs - entries[i - 1].timeMs;
    if (gap < minimum) {
      throw StepFailure("calls " + std::to_string(i - 1) + " and " + std::to_string(i) + " came " + std::to_string(gap) +
                        " ms apart, expected at least " + std::to_string(minimum));
    }
  }
}

// A path ending in * matches every path that starts with the rest.
std::vector<JournalEntry> journalEntries(RunContext& context, const std::string& method, const std::string& path) {
  if (path.empty() || path.back() != '*') return context.jira.journal(method, path);
  const auto prefix = path.substr(0, path.size() - 1);
  std::vector<JournalEntry> entries;
  for (auto& entry : context.jira.journal(method)) {
    if (entry.path.rfind(prefix, 0) == 0) entries.push_back(std::move(entry));
  }
  return entries;
}

}  // namespace

void runJournalStep(RunContext& context, const rapidjson::Value& step) {
  requireOnlyKeys(step, {"journal", "description"});
  const auto& spec = objectMember(step, "journal", {"method", "path", "count", "statuses", "bodies", "auth", "minIntervalMs"});
  const auto method = optionalString(spec, "method", "");
  const auto path = context.vars.substitute(requiredString(spec, "path"));
  const auto entries = journalEntries(context, method, path);
  context.log() << "    journal " << (method.empty() ? "*" : method) << " " << path << ": " << entries.size() << " call(s)\n";
  const int count = optionalInt(spec, "count", -1);
  if (count >= 0 && entries.size() != static_cast<std::size_t>(count)) {
    throw StepFailure("expected " + std::to_string(count) + " call(s) of " + (method.empty() ? "*" : method) + " " +
                      path + ", the journal has" + describe(entries));
  }
  if (const auto* statuses = optionalMember(spec, "statuses")) checkStatuses(*statuses, entries);
  if (const auto* bodies = optionalMember(spec, "bodies")) checkBodies(*bodies, entries);
  if (const auto scheme = optionalString(spec, "auth", ""); !scheme.empty()) checkAuth(scheme, entries);
  if (const int minimum = optionalInt(spec, "minIntervalMs", -1); minimum >= 0) checkIntervals(minimum, entries);
}

}  // namespace ih::replay
