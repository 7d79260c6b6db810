// tests/replay/step_list.h - builds the primitive steps a macro expands into, as
// JSON like a scenario author would have written them, so they run and log
// exactly like written steps.
#pragma once

#include <string>

#include <rapidjson/document.h>

namespace ih::replay {

class StepList {
 public:
  StepList() { doc_.SetArray(); }

  // Appends a step parsed from JSON text; returns it for further members.
  rapidjson::Value& add(const std::string& json);
  // Appends a copy of an existing step.
  void addCopy(const rapidjson::Value& step);
  // step[name] = a copy of value (replacing an existing member).
  void set(rapidjson::Value& step, const char* name, const rapidjson::Value& value);

  const rapidjson::Document& steps() const { return doc_; }
  rapidjson::Document take() { return std::move(doc_); }

 private:
  rapidjson::Document doc_;
};

// JSON string literal for text (quotes and escapes included).
std::string quoted(const std::string& text);

}  // namespace ih::replay
