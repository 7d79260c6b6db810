#include "setup/url_validator.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <string>
#include <vector>

namespace ih::jira {
namespace {

constexpr size_t kMaxUrlLength = 2048;
constexpr size_t kMaxHostLength = 253;

char lower(char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); }

bool isAsciiSpace(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

// Django's character class [a-z\u00a1-\uffff0-9]: any non-ASCII byte counts as
// a letter (the UTF-8 of those code points), which keeps IDN hosts valid.
bool isLabelChar(char c) {
  auto u = static_cast<unsigned char>(c);
  return u >= 0x80 || std::isalnum(u) != 0;
}

bool isTldChar(char c) {
  auto u = static_cast<unsigned char>(c);
  return u >= 0x80 || std::isalpha(u) != 0 || c == '-';
}

bool allDigits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// One octet of Django's ipv4_re: 0, or 1-255 without a leading zero.
bool isOctet(std::string_view s) {
  if (!allDigits(s) || s.size() > 3) return false;
  if (s.size() > 1 && s[0] == '0') return false;
  return std::stoi(std::string(s)) <= 255;
}

std::vector<std::string_view> split(std::string_view text, char sep) {
  std::vector<std::string_view> parts;
  size_t start = 0;
  while (true) {
    size_t pos = text.find(sep, start);
    parts.push_back(text.substr(start, pos == std::string_view::npos ? std::string_view::npos : pos - start));
    if (pos == std::string_view::npos) return parts;
    start = pos + 1;
  }
}

bool isIpv4(std::string_view host) {
  auto octets = split(host, '.');
  return octets.size() == 4 && std::all_of(octets.begin(), octets.end(), isOctet);
}

// [0-9a-f:.]+ inside brackets, with at least one ':' (Django then runs a full
// IPv6 parse; an address without ':' can never be one).
bool isBracketedIpv6(std::string_view host) {
  if (host.size() < 4 || host.front() != '[' || host.back() != ']') return false;
  std::string_view inner = host.substr(1, host.size() - 2);
  bool colon = false;
  for (char c : inner) {
    char l = lower(c);
    if (l == ':') colon = true;
    if (!(std::isxdigit(static_cast<unsigned char>(l)) != 0 || l == ':' || l == '.')) return false;
  }
  return colon;
}

// A label of hostname_re/domain_re: 1-63 label characters or '-', not starting
// or ending with '-'.
bool isDnsLabel(std::string_view label) {
  if (label.empty() || label.size() > 63 || label.front() == '-' || label.back() == '-') return false;
  return std::all_of(label.begin(), label.end(), [](char c) { return isLabelChar(c) || c == '-'; });
}

// tld_re: 2-63 letters or '-' (no digits), or a punycode "xn--" label.
bool isTld(std::string_view label) {
  if (label.size() < 2 || label.size() > 63 || label.front() == '-' || label.back() == '-') return false;
  std::string l;
  for (char c : label) l.push_back(lower(c));
  if (l.rfind("xn--", 0) == 0 && l.size() > 4) {
    return std::all_of(l.begin() + 4, l.end(), [](char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; });
  }
  return std::all_of(label.begin(), label.end(), isTldChar);
}

bool isDomainName(std::string_view host) {
  if (host.size() > kMaxHostLength) return false;
  if (!host.empty() && host.back() == '.') host.remove_suffix(1);  // a fully qualified name
  auto labels = split(host, '.');
  if (labels.size() < 2) return false;
  for (size_t i = 0; i + 1 < labels.size(); ++i) {
    if (!isDnsLabel(labels[i])) return false;
  }
  return isTld(labels.back());
}

bool isHost(std::string_view host) {
  std::string l;
  for (char c : host) l.push_back(lower(c));
  return l == "localhost" || isIpv4(host) || isBracketedIpv6(host) || isDomainName(host);
}

bool isPort(std::string_view port) {
  return allDigits(port) && port.size() <= 5 && std::stoi(std::string(port)) <= 65535;
}

// [^\s:@/]+(?::[^\s:@/]*)?
bool isUserInfo(std::string_view userInfo) {
  size_t colon = userInfo.find(':');
  std::string_view user = userInfo.substr(0, colon);
  std::string_view password = colon == std::string_view::npos ? std::string_view() : userInfo.substr(colon + 1);
  auto clean = [](std::string_view s) {
    return std::none_of(s.begin(), s.end(), [](char c) { return isAsciiSpace(c) || c == ':' || c == '@' || c == '/'; });
  };
  return !user.empty() && clean(user) && clean(password);
}

bool isHostAndPort(std::string_view hostPort) {
  if (!hostPort.empty() && hostPort.front() == '[') {
    size_t close = hostPort.find(']');
    if (close == std::string_view::npos) return false;
    std::string_view rest = hostPort.substr(close + 1);
    if (!rest.empty() && (rest.front() != ':' || !isPort(rest.substr(1)))) return false;
    return isBracketedIpv6(hostPort.substr(0, close + 1));
  }
  size_t colon = hostPort.rfind(':');
  if (colon != std::string_view::npos) {
    if (!isPort(hostPort.substr(colon + 1))) return false;
    hostPort = hostPort.substr(0, colon);
  }
  return isHost(hostPort);
}

}  // namespace

bool namesAUser(std::string_view url) {
  const size_t schemeEnd = url.find("://");
  if (schemeEnd == std::string_view::npos) return false;
  const std::string_view rest = url.substr(schemeEnd + 3);
  return rest.substr(0, rest.find_first_of("/?#")).find('@') != std::string_view::npos;
}

bool isValidJiraUrl(std::string_view url) {
  static constexpr std::array<std::string_view, 4> kSchemes = {"http", "https", "ftp", "ftps"};
  if (url.empty() || url.size() > kMaxUrlLength) return false;
  if (std::any_of(url.begin(), url.end(), isAsciiSpace)) return false;

  size_t schemeEnd = url.find("://");
  if (schemeEnd == std::string_view::npos) return false;
  std::string scheme;
  for (char c : url.substr(0, schemeEnd)) scheme.push_back(lower(c));
  if (std::find(kSchemes.begin(), kSchemes.end(), scheme) == kSchemes.end()) return false;

  std::string_view rest = url.substr(schemeEnd + 3);
  std::string_view authority = rest.substr(0, rest.find_first_of("/?#"));
  size_t at = authority.find('@');
  if (at != std::string_view::npos) {
    if (!isUserInfo(authority.substr(0, at))) return false;
    authority = authority.substr(at + 1);
  }
  return isHostAndPort(authority);
}

}  // namespace ih::jira
