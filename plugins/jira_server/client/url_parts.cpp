#include "client/url_parts.h"

namespace ih::jira::url {

std::string netloc(std::string_view absoluteUrl) {
  size_t schemeEnd = absoluteUrl.find("://");
  if (schemeEnd == std::string_view::npos) return {};
  std::string_view rest = absoluteUrl.substr(schemeEnd + 3);
  size_t end = rest.find_first_of("/?#");
  return std::string(rest.substr(0, end));
}

std::string lastPathSegment(std::string_view url) {
  size_t cut = url.find_first_of("?#");
  std::string_view path = url.substr(0, cut);
  while (!path.empty() && path.back() == '/') path.remove_suffix(1);
  size_t slash = path.rfind('/');
  return std::string(slash == std::string_view::npos ? path : path.substr(slash + 1));
}

}  // namespace ih::jira::url
