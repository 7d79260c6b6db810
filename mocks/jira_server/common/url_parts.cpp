#include "common/url_parts.h"

#include <cctype>
#include <stdexcept>

namespace ih::mock {
namespace {

std::string lower(std::string_view text) {
  std::string out(text);
  for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

int defaultPort(const std::string& scheme) { return scheme == "https" ? 443 : 80; }

}  // namespace

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
