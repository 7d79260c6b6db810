#include "expectation.h"

#include "json_path.h"
#include "json_subset.h"
#include "step_fields.h"
#include "support/json_helpers.h"

namespace ih::replay {
namespace {

constexpr std::size_t kBodyShown = 600;

std::string shortBody(const std::string& body) {
  return body.size() > kBodyShown ? body.substr(0, kBodyShown) + "..." : body;
}

std::size_t sizeOf(const rapidjson::Value& value) {
  if (value.IsArray()) return value.Size();
  if (value.IsObject()) return value.MemberCount();
  return 0;
}

void checkLengths(const rapidjson::Value& lengths, const rapidjson::Document& actual, std::vector<std::string>& unmet) {
  if (!lengths.IsObject()) throw StepFailure("\"length\" must be an object {\"$.path\": n}");
  for (const auto& member : lengths.GetObject()) {
    const auto* found = findJsonPath(actual, member.name.GetString());
    if (!member.value.IsUint64()) throw StepFailure("a \"length\" must be a number");
    const auto want = member.value.GetUint64();
    if (found == nullptr) {
      unmet.push_back(std::string("length of ") + member.name.GetString() + ": nothing there");
    } else if (sizeOf(*found) != want) {
      unmet.push_back(std::string("length of ") + member.name.GetString() + ": expected " + std::to_string(want) +
                      " got " + std::to_string(sizeOf(*found)));
    }
  }
}

// "at": {"$.0.type": "assigned"} - the value at each path contains the expected one.
void checkValuesAt(const rapidjson::Value& paths, const rapidjson::Document& actual, std::vector<std::string>& unmet) {
  if (!paths.IsObject()) throw StepFailure("\"at\" must be an object {\"$.path\": value}");
  for (const auto& member : paths.GetObject()) {
    const auto* found = findJsonPath(actual, member.name.GetString());
    if (found == nullptr) {
      unmet.push_back(std::string("at ") + member.name.GetString() + ": nothing there");
      continue;
    }
    for (auto& diff : jsonSubsetDiffs(member.value, *found)) {
      unmet.push_back(std::string("at ") + member.name.GetString() + ": " + diff);
    }
  }
}

void checkTexts(const rapidjson::Value* texts, const std::string& body, bool wanted, std::vector<std::string>& unmet) {
  if (texts == nullptr) return;
  if (!texts->IsArray()) throw StepFailure("\"contains\" and \"absent\" take arrays of strings");
  for (const auto& text : texts->GetArray()) {
    if (!text.IsString()) throw StepFailure("\"contains\" and \"absent\" take arrays of strings");
    const bool present = body.find(text.GetString()) != std::string::npos;
    if (present != wanted) unmet.push_back(std::string(wanted ? "missing text " : "unexpected text ") + text.GetString());
  }
}

std::string queryParameter(const std::string& url, const std::string& name) {
  const auto query = url.find('?');
  if (query == std::string::npos) return "";
  for (std::size_t at = query + 1; at < url.size();) {
    auto end = url.find('&', at);
    if (end == std::string::npos) end = url.size();
    const auto pair = url.substr(at, end - at);
    if (pair.rfind(name + "=", 0) == 0) return pair.substr(name.size() + 1);
    at = end + 1;
  }
  return "";
}

}  // namespace

std::vector<std::string> unmetExpectations(const rapidjson::Value* expect, const Answer& answer, const Variables& vars) {
  std::vector<std::string> unmet;
  rapidjson::Document wanted;
  if (expect != nullptr) {
    requireOnlyKeys(*expect, {"status", "json", "at", "length", "contains", "absent"});
    wanted.CopyFrom(vars.substituteJson(*expect, wanted.GetAllocator()), wanted.GetAllocator());
  } else {
    wanted.SetObject();
  }
  const auto* status = optionalMember(wanted, "status");
  if (status != nullptr && !status->IsInt()) throw StepFailure("\"status\" must be an integer");
  if (status != nullptr ? answer.status != status->GetInt() : answer.status / 100 != 2) {
    unmet.push_back("status: expected " + (status != nullptr ? std::to_string(status->GetInt()) : std::string("2xx")) +
                    " got " + std::to_string(answer.status));
  }
  checkTexts(optionalMember(wanted, "contains"), answer.body, true, unmet);
  checkTexts(optionalMember(wanted, "absent"), answer.body, false, unmet);
  const auto* json = optionalMember(wanted, "json");
  const auto* lengths = optionalMember(wanted, "length");
  const auto* valuesAt = optionalMember(wanted, "at");
  if (json != nullptr || lengths != nullptr || valuesAt != nullptr) {
    rapidjson::Document actual;
    actual.Parse(answer.body.c_str(), answer.body.size());
    if (actual.HasParseError()) {
      unmet.push_back("body is not JSON");
    } else {
      if (json != nullptr) {
        for (auto& diff : jsonSubsetDiffs(*json, actual)) unmet.push_back("json " + diff);
      }
      if (lengths != nullptr) checkLengths(*lengths, actual, unmet);
      if (valuesAt != nullptr) checkValuesAt(*valuesAt, actual, unmet);
    }
  }
  return unmet;
}

void checkExpectations(const rapidjson::Value* expect, const Answer& answer, const Variables& vars) {
  auto unmet = unmetExpectations(expect, answer, vars);
  if (unmet.empty()) return;
  std::string message;
  for (const auto& line : unmet) message += "\n    " + line;
  throw StepFailure("unexpected answer " + std::to_string(answer.status) + ":" + message + "\n    body: " +
                    vars.mask(shortBody(answer.body)));
}

void saveValues(const rapidjson::Value& save, const std::string& body, Variables& vars) {
  rapidjson::Document doc;
  doc.Parse(body.c_str(), body.size());
  if (doc.HasParseError()) throw StepFailure("cannot save from a body that is not JSON: " + vars.mask(shortBody(body)));
  if (!save.IsObject()) throw StepFailure("\"save\" must be an object {\"name\": \"$.path\"}");
  for (const auto& member : save.GetObject()) {
    if (!member.value.IsString()) throw StepFailure("\"save\" values are paths");
    std::string path = member.value.GetString();
    std::string parameter;
    if (auto mark = path.find('?'); mark != std::string::npos) {
      parameter = path.substr(mark + 1);
      path.resize(mark);
    }
    const auto* found = findJsonPath(doc, path);
    if (found == nullptr || found->IsObject() || found->IsArray()) {
      throw StepFailure("save " + std::string(member.name.GetString()) + ": no scalar at " + path + " in " +
                        vars.mask(shortBody(body)));
    }
    auto value = scalarText(*found);
    if (!parameter.empty()) value = queryParameter(value, parameter);
    if (value.empty()) throw StepFailure("save " + std::string(member.name.GetString()) + ": empty value at " + path);
    vars.set(member.name.GetString(), value);
  }
}

}  // namespace ih::replay
