#include "webhooks/url_variables.h"

#include "common/text.h"

namespace ih::mock {

std::string substituteUrlVariables(const std::string& url, const std::map<std::string, std::string>& values,
                                   int majorVersion) {
  std::string out = url;
  for (const auto& [name, value] : values) replaceAll(out, "${" + name + "}", value);
  if (majorVersion >= 10) {
    for (const auto& [name, value] : values) replaceAll(out, "{" + name + "}", value);
  }
  return out;
}

}  // namespace ih::mock
