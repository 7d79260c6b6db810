// Expands {"org": {...}} into the directory calls that set up an organization
// (host-contract.md, "Directory" and "Issues"); see macros.h.
#include "macros.h"
#include "run_context.h"
#include "step_fields.h"
#include "step_list.h"

namespace ih::replay {
namespace {

std::string call(const std::string& method, const std::string& path) { return quoted(method + " " + path); }

// {"var": "text", ...} as pairs, in file order.
std::vector<std::pair<std::string, std::string>> namedTexts(const rapidjson::Value& spec, const char* key) {
  std::vector<std::pair<std::string, std::string>> pairs;
  const auto* object = optionalMember(spec, key);
  if (object == nullptr) return pairs;
  if (!object->IsObject()) throw StepFailure(std::string("\"") + key + "\" must be an object {\"variable\": \"text\"}");
  for (const auto& member : object->GetObject()) {
    if (!member.value.IsString()) throw StepFailure(std::string("\"") + key + "\" values must be strings");
    pairs.emplace_back(member.name.GetString(), member.value.GetString());
  }
  return pairs;
}

}  // namespace

rapidjson::Document expandOrg(const rapidjson::Value& step) {
  requireOnlyKeys(step, {"org", "description"});
  const auto& spec = objectMember(step, "org", {"slug", "enable", "users", "team", "project", "issues"});
  const auto slug = requiredString(spec, "slug");
  const std::string base = "/api/0/organizations/" + slug + "/";
  StepList list;
  list.add(R"({"api": )" + call("POST", "/api/0/organizations/") + R"(, "body": {"slug": )" + quoted(slug) +
           R"(, "name": )" + quoted(slug) + R"(}, "expect": {"status": 201}})");
  if (const auto* enable = optionalMember(spec, "enable")) {
    if (!enable->IsArray()) throw StepFailure("\"enable\" must be an array of plugin keys");
    for (const auto& key : enable->GetArray()) {
      if (!key.IsString()) throw StepFailure("\"enable\" must be an array of plugin keys");
      list.add(R"({"api": )" + call("PUT", base + "plugins/" + key.GetString() + "/") +
               R"(, "body": {"enabled": true}, "expect": {"status": 200}})");
    }
  }
  const auto users = namedTexts(spec, "users");
  for (const auto& [variable, email] : users) {
    list.add(R"({"api": )" + call("POST", "/api/0/users/") + R"(, "body": {"email": )" + quoted(email) + R"(, "name": )" +
             quoted(email) + R"(, "emails": [{"email": )" + quoted(email) + R"(, "verified": true}]},)"
             R"( "expect": {"status": 201}, "save": {)" + quoted(variable) + R"(: "$.id"}})");
    list.add(R"({"api": )" + call("POST", base + "members/") + R"(, "body": {"userId": )" + quoted("${" + variable + "}") +
             R"(, "role": "member"}, "expect": {"status": 201}})");
  }
  const auto project = optionalString(spec, "project", "");
  if (!project.empty()) {
    const auto team = optionalString(spec, "team", project);
    list.add(R"({"api": )" + call("POST", base + "teams/") + R"(, "body": {"slug": )" + quoted(team) +
             R"(}, "expect": {"status": 201}})");
    for (const auto& [variable, email] : users) {
      list.add(R"({"api": )" + call("POST", base + "teams/" + team + "/members/") + R"(, "body": {"userId": )" +
               quoted("${" + variable + "}") + R"(}, "expect": {"status": 201}})");
    }
    list.add(R"({"api": )" + call("POST", base + "projects/") + R"(, "body": {"slug": )" + quoted(project) +
             R"(, "teams": [)" + quoted(team) + R"(]}, "expect": {"status": 201}})");
    for (const auto& [variable, title] : namedTexts(spec, "issues")) {
      list.add(R"({"api": )" + call("POST", "/api/0/projects/" + slug + "/" + project + "/issues/") +
               R"(, "body": {"title": )" + quoted(title) + R"(}, "expect": {"status": 201}, "save": {)" +
               quoted(variable) + R"(: "$.id"}})");
    }
  } else if (optionalMember(spec, "issues") != nullptr) {
    throw StepFailure("\"issues\" need a \"project\"");
  }
  return list.take();
}

}  // namespace ih::replay
