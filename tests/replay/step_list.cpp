#include "step_list.h"

#include <stdexcept>

#include "support/json_helpers.h"

namespace ih::replay {

rapidjson::Value& StepList::add(const std::string& json) {
  rapidjson::Document step(&doc_.GetAllocator());
  step.Parse(json.c_str());
  if (step.HasParseError()) throw std::logic_error("bad macro step JSON: " + json);
  doc_.PushBack(rapidjson::Value(step, doc_.GetAllocator()), doc_.GetAllocator());
  return doc_[doc_.Size() - 1];
}

void StepList::addCopy(const rapidjson::Value& step) {
  doc_.PushBack(rapidjson::Value(step, doc_.GetAllocator()), doc_.GetAllocator());
}

void StepList::set(rapidjson::Value& step, const char* name, const rapidjson::Value& value) {
  step.RemoveMember(name);
  step.AddMember(rapidjson::Value(name, doc_.GetAllocator()), rapidjson::Value(value, doc_.GetAllocator()),
                 doc_.GetAllocator());
}

std::string quoted(const std::string& text) {
  rapidjson::Value value(text.c_str(), static_cast<rapidjson::SizeType>(text.size()));
  return ih::testing::toJson(value);
}

}  // namespace ih::replay
