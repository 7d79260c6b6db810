// Small string helpers shared across the mock: in-place replacement, and
// finding an element of a container by predicate (nullptr when absent).
#pragma once

#include <algorithm>
#include <string>
#include <string_view>

namespace ih::mock {

void replaceAll(std::string& text, std::string_view from, std::string_view to);
// Cuts long values in near-miss reports so one huge body doesn't drown the diff.
std::string truncatedForReport(const std::string& text);

template <typename Range, typename Pred>
auto findIn(Range& range, Pred pred) -> decltype(&*range.begin()) {
  auto it = std::find_if(range.begin(), range.end(), pred);
  return it == range.end() ? nullptr : &*it;
}

}  // namespace ih::mock
