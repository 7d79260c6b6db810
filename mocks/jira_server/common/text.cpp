#include "common/text.h"

namespace ih::mock {

void replaceAll(std::string& text, std::string_view from, std::string_view to) {
  if (from.empty()) return;
  for (auto pos = text.find(from); pos != std::string::npos; pos = text.find(from, pos + to.size())) {
    text.replace(pos, from.size(), to);
  }
}

std::string truncatedForReport(const std::string& text) {
  constexpr std::size_t kMaxShown = 80;
  return text.size() > kMaxShown ? text.substr(0, kMaxShown) + "..." : text;
}

}  // namespace ih::mock
