// ihp/sdk/url.hpp - the one percent-encoding and query-string codec of the
// project: plugins build URLs for remote APIs and parse form-encoded answers
// (OAuth token endpoints) with it, the host parses request targets and route
// parameters with it, and the mock parses Jira's forms and queries with it.
// It lives in the header-only SDK because plugins link nothing else; the host
// and the mock include it rather than keep a copy (or a second, differently
// behaving codec such as Poco::URI::encode, whose reserved set is another).
//
// Encoding follows RFC 3986: everything except A-Z a-z 0-9 - . _ ~ becomes
// %XX with uppercase hex. Decoding comes in two strengths: lenient (a malformed
// escape is kept as it is, like browsers do) and strict (a malformed escape
// makes the whole text invalid, for places that must not guess).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace ihp::sdk::url {

using NameValues = std::vector<std::pair<std::string, std::string>>;

namespace detail {

inline int hexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

inline bool isUnreserved(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.' ||
         c == '_' || c == '~';
}

// The byte of the escape at text[i] ('%'), or -1 when it is not a valid escape.
inline int escapeAt(std::string_view text, size_t i) {
  if (i + 2 >= text.size()) return -1;
  int high = hexValue(text[i + 1]);
  int low = hexValue(text[i + 2]);
  return high < 0 || low < 0 ? -1 : high * 16 + low;
}

}  // namespace detail

inline std::string percentEncode(std::string_view text) {
  static constexpr char kDigits[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    if (detail::isUnreserved(c)) {
      out.push_back(c);
    } else {
      auto byte = static_cast<unsigned char>(c);
      out.push_back('%');
      out.push_back(kDigits[byte >> 4]);
      out.push_back(kDigits[byte & 0x0F]);
    }
  }
  return out;
}

// Lenient: malformed escapes stay verbatim; with plusAsSpace (query strings
// and form bodies) '+' becomes ' '.
inline std::string percentDecode(std::string_view text, bool plusAsSpace = false) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '%') {
      if (int byte = detail::escapeAt(text, i); byte >= 0) {
        out.push_back(static_cast<char>(byte));
        i += 2;
        continue;
      }
    }
    out.push_back(plusAsSpace && c == '+' ? ' ' : c);
  }
  return out;
}

// Strict: nullopt when any '%' does not start a valid escape.
inline std::optional<std::string> percentDecodeStrict(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '%') {
      out.push_back(text[i]);
      continue;
    }
    int byte = detail::escapeAt(text, i);
    if (byte < 0) return std::nullopt;
    out.push_back(static_cast<char>(byte));
    i += 2;
  }
  return out;
}

// "a=1&b=&c" -> {{"a","1"},{"b",""},{"c",""}}: names and values decoded
// leniently with '+' as space (application/x-www-form-urlencoded, query strings).
inline NameValues parseQuery(std::string_view query) {
  NameValues pairs;
  while (!query.empty()) {
    size_t amp = query.find('&');
    std::string_view part = query.substr(0, amp);
    query = amp == std::string_view::npos ? std::string_view() : query.substr(amp + 1);
    if (part.empty()) continue;
    size_t eq = part.find('=');
    std::string_view name = part.substr(0, eq);
    std::string_view value = eq == std::string_view::npos ? std::string_view() : part.substr(eq + 1);
    pairs.emplace_back(percentDecode(name, true), percentDecode(value, true));
  }
  return pairs;
}

// name=value&... with both sides percent-encoded (application/x-www-form-urlencoded
// as OAuth 1.0a token endpoints answer, RFC 5849 section 5.2).
inline std::string formEncode(const NameValues& pairs) {
  std::string out;
  for (const auto& [name, value] : pairs) {
    if (!out.empty()) out.push_back('&');
    out += percentEncode(name);
    out.push_back('=');
    out += percentEncode(value);
  }
  return out;
}

}  // namespace ihp::sdk::url
