#include "common/strings.h"

namespace ih::jira {
namespace {

bool isPythonSpace(char c) {
  return c == ' ' || (c >= '\t' && c <= '\r') || (c >= '\x1c' && c <= '\x1f');
}

}  // namespace

std::string_view trimWhitespace(std::string_view text) {
  while (!text.empty() && isPythonSpace(text.front())) text.remove_prefix(1);
  while (!text.empty() && isPythonSpace(text.back())) text.remove_suffix(1);
  return text;
}

std::string_view stripTrailing(std::string_view text, char c) {
  while (!text.empty() && text.back() == c) text.remove_suffix(1);
  return text;
}

}  // namespace ih::jira
