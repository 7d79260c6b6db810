#include "common/url_codec.h"

#include <cctype>
#include <stdexcept>

namespace ih::mock {
namespace {

int hexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::string lower(std::string_view text) {
  std::string out(text);
  for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

int defaultPort(const std::string& scheme) { return scheme == "https" ? 443 : 80; }

}  // namespace

std::string percentDecode(std::string_view text, bool plusIsSpace) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '%' && i + 2 < text.size()) {
      int hi = hexValue(text[i + 1]);
      int lo = hexValue(text[i + 2]);
      if (hi >= 0 && lo >= 0) {
        out.push_back(static_cast<char>(hi * 16 + lo));
        i += 2;
        continue;
      }
    }
    out.push_back(plusIsSpace && c == '+' ? ' ' : c);
  }
  return out;
}

ParamList parseQueryString(std::string_view query) {
  ParamList out;
  std::size_t start = 0;
  while (start <= query.size()) {
    auto end = query.find('&', start);
    if (end == std::string_view::npos) end = query.size();
    auto pair = query.substr(start, end - start);
    if (!pair.empty()) {
      auto eq = pair.find('=');
      auto name = pair.substr(0, eq);
      auto value = eq == std::string_view::npos ? std::string_view() : pair.substr(eq + 1);
      out.emplace_back(percentDecode(name, true), percentDecode(value, true));
    }
    start = end + 1;
  }
  return out;
}

std::string percentEncode(std::string_view text) {
  static constexpr char kDigits[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : text) {
    if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~') {
      out.push_back(static_cast<char>(c));
    } else {
      out.push_back('%');
      out.push_back(kDigits[c >> 4]);
      out.push_back(kDigits[c & 0x0f]);
    }
  }
  return out;
}

std::string formEncode(const ParamList& params) {
  std::string out;
  for (const auto& [name, value] : params) {
    if (!out.empty()) out.push_back('&');
    out += percentEncode(name) + "=" + percentEncode(value);
  }
  return out;
}

UrlParts splitUrl(std::string_view url) {
  auto schemeEnd = url.find("://");
  if (schemeEnd == std::string_view::npos || schemeEnd == 0) {
    throw std::invalid_argument("not an absolute URL: " + std::string(url));
  }
  UrlParts parts;
  parts.scheme = lower(url.substr(0, schemeEnd));
  auto rest = url.substr(schemeEnd + 3);
  auto pathStart = rest.find_first_of("/?#");
  auto authority = rest.substr(0, pathStart);
  if (auto at = authority.rfind('@'); at != std::string_view::npos) authority = authority.substr(at + 1);
  auto colon = authority.rfind(':');
  if (colon != std::string_view::npos && authority.find(']', colon) == std::string_view::npos) {
    parts.host = lower(authority.substr(0, colon));
    parts.port = std::stoi(std::string(authority.substr(colon + 1)));
    parts.explicitPort = true;
  } else {
    parts.host = lower(authority);
    parts.port = defaultPort(parts.scheme);
  }
  if (parts.host.empty()) throw std::invalid_argument("URL has no host: " + std::string(url));
  if (pathStart != std::string_view::npos) {
    auto tail = rest.substr(pathStart);
    tail = tail.substr(0, tail.find('#'));
    auto q = tail.find('?');
    parts.path = std::string(tail.substr(0, q));
    if (q != std::string_view::npos) parts.query = std::string(tail.substr(q + 1));
  }
  return parts;
}

std::string originOf(const UrlParts& parts) {
  std::string out = parts.scheme + "://" + parts.host;
  if (parts.port != defaultPort(parts.scheme)) out += ":" + std::to_string(parts.port);
  return out;
}

}  // namespace ih::mock
