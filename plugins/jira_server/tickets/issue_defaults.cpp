#include "tickets/issue_defaults.h"

#include "config/config_keys.h"

namespace ih::jira {

namespace json = ihp::sdk::json;

namespace {

const json::Value* allDefaults(const json::Value& config) {
  const json::Value* stored = json::member(config, keys::kProjectIssueDefaults);
  return stored != nullptr && stored->IsObject() ? stored : nullptr;
}

void writeDefaults(json::JsonBuilder& out, const IssueDefaults& defaults) {
  out.beginObject()
      .field("issuetype", defaults.issueType)
      .field("priority", defaults.priority)
      .field("labels", defaults.labels)
      .endObject();
}

}  // namespace

std::string lastIssueProject(const json::Value& config) { return json::stringOr(config, keys::kLastIssueProject); }

IssueDefaults issueDefaultsFor(const json::Value& config, std::string_view projectId) {
  const json::Value* stored = allDefaults(config);
  const json::Value* project = stored != nullptr ? json::member(*stored, projectId) : nullptr;
  if (project == nullptr) return {};
  return {json::stringOr(*project, "issuetype"), json::stringOr(*project, "priority"),
          json::stringOr(*project, "labels")};
}

std::string issueDefaultsPatch(const json::Value& config, std::string_view projectId, const IssueDefaults& defaults) {
  json::JsonBuilder out;
  out.beginObject().key(keys::kProjectIssueDefaults).beginObject();
  if (const json::Value* stored = allDefaults(config)) {
    for (const auto& member : stored->GetObject()) {
      const std::string_view id(member.name.GetString(), member.name.GetStringLength());
      if (id != projectId) out.key(id).value(member.value);
    }
  }
  out.key(projectId);
  writeDefaults(out, defaults);
  out.endObject().field(keys::kLastIssueProject, projectId).endObject();
  return out.str();
}

}  // namespace ih::jira
