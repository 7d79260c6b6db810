#include "common/text_list.h"

#include "common/strings.h"

namespace ih::jira {

std::vector<std::string> splitTrimmed(std::string_view text, std::string_view separators) {
  std::vector<std::string> items;
  while (true) {
    const size_t cut = text.find_first_of(separators);
    std::string_view item = trimWhitespace(text.substr(0, cut));
    if (!item.empty()) items.emplace_back(item);
    if (cut == std::string_view::npos) break;
    text.remove_prefix(cut + 1);
  }
  return items;
}

std::string joinList(const std::vector<std::string>& items, std::string_view separator) {
  std::string joined;
  for (size_t i = 0; i < items.size(); ++i) {
    if (i > 0) joined += separator;
    joined += items[i];
  }
  return joined;
}

}  // namespace ih::jira
