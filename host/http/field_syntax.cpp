// host/http/field_syntax.cpp - see field_syntax.h.
#include "http/field_syntax.h"

#include <string_view>

namespace ih::host::http {

namespace {

bool isTchar(unsigned char c) {
  if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) return true;
  return std::string_view("!#$%&'*+-.^_`|~").find(static_cast<char>(c)) != std::string_view::npos;
}

// VCHAR (0x21-0x7E) or obs-text (0x80-0xFF).
bool isFieldVchar(unsigned char c) { return (c >= 0x21 && c <= 0x7E) || c >= 0x80; }

bool isBlank(unsigned char c) { return c == ' ' || c == '\t'; }

}  // namespace

bool isFieldName(std::string_view name) {
  if (name.empty()) return false;
  for (unsigned char c : name) {
    if (!isTchar(c)) return false;
  }
  return true;
}

bool isFieldValue(std::string_view value) {
  if (value.empty()) return true;
  if (isBlank(static_cast<unsigned char>(value.front())) || isBlank(static_cast<unsigned char>(value.back())))
    return false;
  for (unsigned char c : value) {
    if (!isFieldVchar(c) && !isBlank(c)) return false;
  }
  return true;
}

}  // namespace ih::host::http
