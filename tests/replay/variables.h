// tests/replay/variables.h - the values a scenario refers to as ${name}: the
// run's generated secrets (private key, PATs, admin token), where the processes
// listen, and what earlier steps saved. Secret values are masked in the runner's
// log, so a failing run can be shown without leaking them.
#pragma once

#include <map>
#include <string>

#include <rapidjson/document.h>

namespace ih::replay {

class Variables {
 public:
  void set(const std::string& name, const std::string& value, bool secret = false);
  bool has(const std::string& name) const { return values_.count(name) != 0; }
  // Throws std::out_of_range naming the variable.
  const std::string& get(const std::string& name) const;

  // Replaces every ${name}; throws std::out_of_range for an unknown name.
  std::string substitute(const std::string& text) const;
  // A deep copy of `value` with ${name} replaced in every string (member names included).
  rapidjson::Value substituteJson(const rapidjson::Value& value, rapidjson::Document::AllocatorType& allocator) const;
  // `text` with every secret value replaced by <name>.
  std::string mask(std::string text) const;

 private:
  std::map<std::string, std::string> values_;
  std::map<std::string, std::string> secrets_;  // value -> name
};

// Saved variables whose name ends in "token" (any case) hold credentials.
bool looksSecret(const std::string& name);

}  // namespace ih::replay
