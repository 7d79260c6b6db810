// bench/e2e/text_table.h - results printed as Markdown tables, aligned for
// the terminal and pasteable into docs/benchmarks.md as they are.
#pragma once

#include <ostream>
#include <string>
#include <vector>

namespace ih::bench {

class TextTable {
 public:
  explicit TextTable(std::vector<std::string> headers);
  void addRow(std::vector<std::string> cells);
  void print(std::ostream& out) const;

 private:
  std::vector<std::string> headers_;
  std::vector<std::vector<std::string>> rows_;
};

// Fixed-point text ("12.3") for table cells.
std::string fixed(double value, int decimals = 1);

}  // namespace ih::bench
