#include "json_subset.h"

#include "support/json_helpers.h"

namespace ih::replay {
namespace {

constexpr std::size_t kShown = 160;

std::string shown(const rapidjson::Value& value) {
  auto text = ih::testing::toJson(value);
  return text.size() > kShown ? text.substr(0, kShown) + "..." : text;
}

bool sameScalar(const rapidjson::Value& expected, const rapidjson::Value& actual) {
  if (expected.IsNumber() && actual.IsNumber()) {
    if (expected.IsInt64() && actual.IsInt64()) return expected.GetInt64() == actual.GetInt64();
    return expected.GetDouble() == actual.GetDouble();
  }
  return expected == actual;
}

void compare(const rapidjson::Value& expected, const rapidjson::Value& actual, const std::string& path,
             std::vector<std::string>& diffs);

void compareObjects(const rapidjson::Value& expected, const rapidjson::Value& actual, const std::string& path,
                    std::vector<std::string>& diffs) {
  for (const auto& member : expected.GetObject()) {
    const std::string child = path + "." + member.name.GetString();
    auto found = actual.FindMember(member.name);
    if (found == actual.MemberEnd()) {
      diffs.push_back(child + ": missing (expected " + shown(member.value) + ")");
    } else {
      compare(member.value, found->value, child, diffs);
    }
  }
}

void compareArrays(const rapidjson::Value& expected, const rapidjson::Value& actual, const std::string& path,
                   std::vector<std::string>& diffs) {
  std::vector<bool> taken(actual.Size(), false);
  for (rapidjson::SizeType e = 0; e < expected.Size(); ++e) {
    bool found = false;
    for (rapidjson::SizeType a = 0; a < actual.Size() && !found; ++a) {
      if (taken[a]) continue;
      std::vector<std::string> scratch;
      compare(expected[e], actual[a], path, scratch);
      if (scratch.empty()) taken[a] = found = true;
    }
    if (!found) diffs.push_back(path + ": no element matches " + shown(expected[e]) + " in " + shown(actual));
  }
}

void compare(const rapidjson::Value& expected, const rapidjson::Value& actual, const std::string& path,
             std::vector<std::string>& diffs) {
  if (expected.IsObject() && actual.IsObject()) {
    compareObjects(expected, actual, path, diffs);
  } else if (expected.IsArray() && actual.IsArray()) {
    compareArrays(expected, actual, path, diffs);
  } else if (!sameScalar(expected, actual)) {
    diffs.push_back(path + ": expected " + shown(expected) + " got " + shown(actual));
  }
}

}  // namespace

std::vector<std::string> jsonSubsetDiffs(const rapidjson::Value& expected, const rapidjson::Value& actual) {
  std::vector<std::string> diffs;
  compare(expected, actual, "$", diffs);
  return diffs;
}

}  // namespace ih::replay
