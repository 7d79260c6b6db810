// host/common/strings.cpp - see strings.h.
#include "common/strings.h"

namespace ih::host {

namespace {
template <class Map>
std::string mapAscii(std::string_view text, Map map) {
  std::string out(text);
  for (char& c : out) c = map(c);
  return out;
}
}  // namespace

std::string toLowerAscii(std::string_view text) {
  return mapAscii(text, [](char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; });
}

std::string toUpperAscii(std::string_view text) {
  return mapAscii(text, [](char c) { return (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c; });
}

std::string_view trim(std::string_view text) {
  const auto isSpace = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; };
  while (!text.empty() && isSpace(text.front())) text.remove_prefix(1);
  while (!text.empty() && isSpace(text.back())) text.remove_suffix(1);
  return text;
}

}  // namespace ih::host
