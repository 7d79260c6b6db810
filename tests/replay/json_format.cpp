#include "json_format.h"

#include "support/json_helpers.h"

namespace ih::replay {
namespace {

constexpr std::size_t kLineWidth = 120;

// One line, with a space after each ':' and ',' as people write JSON.
std::string oneLine(const rapidjson::Value& value) {
  if (value.IsObject()) {
    std::string out = "{";
    for (const auto& member : value.GetObject()) {
      out += (out.size() > 1 ? ", " : "") + ih::testing::toJson(member.name) + ": " + oneLine(member.value);
    }
    return out + "}";
  }
  if (value.IsArray()) {
    std::string out = "[";
    for (const auto& item : value.GetArray()) out += (out.size() > 1 ? ", " : "") + oneLine(item);
    return out + "]";
  }
  return ih::testing::toJson(value);
}

void write(const rapidjson::Value& value, std::size_t indent, std::size_t used, std::string& out) {
  const auto compact = oneLine(value);
  const bool container = value.IsObject() || value.IsArray();
  if (!container || indent + used + compact.size() <= kLineWidth || (value.IsObject() && value.MemberCount() == 0) ||
      (value.IsArray() && value.Empty())) {
    out += compact;
    return;
  }
  const std::string inner(indent + 2, ' ');
  out += value.IsObject() ? "{\n" : "[\n";
  bool first = true;
  if (value.IsObject()) {
    for (const auto& member : value.GetObject()) {
      out += (first ? "" : ",\n") + inner;
      const auto name = ih::testing::toJson(member.name) + ": ";
      out += name;
      write(member.value, indent + 2, name.size(), out);
      first = false;
    }
  } else {
    for (const auto& item : value.GetArray()) {
      out += (first ? "" : ",\n") + inner;
      write(item, indent + 2, 0, out);
      first = false;
    }
  }
  out += "\n" + std::string(indent, ' ') + (value.IsObject() ? "}" : "]");
}

}  // namespace

std::string formatJson(const rapidjson::Value& value) {
  std::string out;
  write(value, 0, 0, out);
  return out + "\n";
}

}  // namespace ih::replay
