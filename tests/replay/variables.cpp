#include "variables.h"

#include <algorithm>
#include <cctype>
#include <stdexcept>

namespace ih::replay {

bool looksSecret(const std::string& name) {
  std::string lower(name.size(), ' ');
  std::transform(name.begin(), name.end(), lower.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return lower.size() >= 5 && lower.compare(lower.size() - 5, 5, "token") == 0;
}

void Variables::set(const std::string& name, const std::string& value, bool secret) {
  values_[name] = value;
  // Short values would mask innocent text; every generated secret is long.
  if ((secret || looksSecret(name)) && value.size() >= 8) secrets_[value] = name;
}

const std::string& Variables::get(const std::string& name) const {
  auto it = values_.find(name);
  if (it == values_.end()) throw std::out_of_range("unknown variable ${" + name + "}");
  return it->second;
}

std::string Variables::substitute(const std::string& text) const {
  std::string out;
  std::size_t from = 0;
  for (auto at = text.find("${"); at != std::string::npos; at = text.find("${", from)) {
    auto close = text.find('}', at);
    if (close == std::string::npos) break;
    out.append(text, from, at - from);
    out += get(text.substr(at + 2, close - at - 2));
    from = close + 1;
  }
  out.append(text, from, std::string::npos);
  return out;
}

rapidjson::Value Variables::substituteJson(const rapidjson::Value& value,
                                           rapidjson::Document::AllocatorType& allocator) const {
  if (value.IsString()) {
    const auto text = substitute(value.GetString());
    return rapidjson::Value(text.c_str(), static_cast<rapidjson::SizeType>(text.size()), allocator);
  }
  if (value.IsArray()) {
    rapidjson::Value out(rapidjson::kArrayType);
    for (const auto& item : value.GetArray()) out.PushBack(substituteJson(item, allocator), allocator);
    return out;
  }
  if (value.IsObject()) {
    rapidjson::Value out(rapidjson::kObjectType);
    for (const auto& member : value.GetObject()) {
      out.AddMember(substituteJson(member.name, allocator), substituteJson(member.value, allocator), allocator);
    }
    return out;
  }
  return rapidjson::Value(value, allocator);
}

std::string Variables::mask(std::string text) const {
  for (const auto& [value, name] : secrets_) {
    for (auto at = text.find(value); at != std::string::npos; at = text.find(value, at)) {
      text.replace(at, value.size(), "<" + name + ">");
    }
  }
  return text;
}

}  // namespace ih::replay
