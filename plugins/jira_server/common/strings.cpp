#include "common/strings.h"

namespace ih::jira {
namespace {

bool isPythonSpace(char c) {
  return c == ' ' || (c >= '\t' && c <= '\r') || (c >= '\x1c' && c <= '\x1f');
}

bool isContinuationByte(char c) { return (static_cast<unsigned char>(c) & 0xC0u) == 0x80u; }

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

size_t utf8Length(std::string_view text) {
  size_t count = 0;
  for (char c : text) {
    if (!isContinuationByte(c)) ++count;
  }
  return count;
}

std::string utf8Prefix(std::string_view text, size_t maxCodePoints) {
  size_t seen = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    if (isContinuationByte(text[i])) continue;
    if (seen == maxCodePoints) return std::string(text.substr(0, i));
    ++seen;
  }
  return std::string(text);
}

}  // namespace ih::jira
