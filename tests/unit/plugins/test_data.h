// tests/unit/plugins/test_data.h - reads the test keys in data/ (generated
// once with openssl for these tests only; they protect nothing).
#pragma once

#include <fstream>
#include <sstream>
#include <string>

namespace ih::test {

inline std::string readTestData(const std::string& name) {
  std::ifstream in(std::string(IH_UNIT_PLUGINS_DATA_DIR) + "/" + name, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

}  // namespace ih::test
