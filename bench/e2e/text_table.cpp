#include "e2e/text_table.h"

#include <algorithm>
#include <cstdio>

namespace ih::bench {

TextTable::TextTable(std::vector<std::string> headers) : headers_(std::move(headers)) {}

void TextTable::addRow(std::vector<std::string> cells) {
  cells.resize(headers_.size());
  rows_.push_back(std::move(cells));
}

void TextTable::print(std::ostream& out) const {
  std::vector<size_t> widths;
  for (const auto& header : headers_) widths.push_back(header.size());
  for (const auto& row : rows_) {
    for (size_t i = 0; i < row.size(); ++i) widths[i] = std::max(widths[i], row[i].size());
  }
  auto line = [&](const std::vector<std::string>& cells) {
    out << '|';
    for (size_t i = 0; i < cells.size(); ++i) {
      out << ' ' << cells[i] << std::string(widths[i] - cells[i].size(), ' ') << " |";
    }
    out << '\n';
  };
  line(headers_);
  out << '|';
  for (size_t width : widths) out << std::string(width + 2, '-') << '|';
  out << '\n';
  for (const auto& row : rows_) line(row);
}

std::string fixed(double value, int decimals) {
  char text[64];
  std::snprintf(text, sizeof text, "%.*f", decimals, value);
  return text;
}

}  // namespace ih::bench
