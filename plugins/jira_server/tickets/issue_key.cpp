#include "tickets/issue_key.h"

#include <cctype>

#include "client/url_parts.h"
#include "ihp/sdk/url.hpp"
#include "common/strings.h"

namespace ih::jira {

namespace {

bool isAsciiAlpha(char c) {
  return std::isalpha(static_cast<unsigned char>(c)) != 0 && static_cast<unsigned char>(c) < 0x80;
}
bool isAsciiDigit(char c) { return c >= '0' && c <= '9'; }

bool matchesKey(std::string_view text, bool allowUnderscore) {
  const size_t dash = text.rfind('-');
  if (dash == std::string_view::npos || dash == 0 || dash + 1 == text.size() || !isAsciiAlpha(text[0])) return false;
  for (size_t i = 1; i < dash; ++i) {
    const char c = text[i];
    if (!isAsciiAlpha(c) && !isAsciiDigit(c) && !(allowUnderscore && c == '_')) return false;
  }
  for (size_t i = dash + 1; i < text.size(); ++i) {
    if (!isAsciiDigit(text[i])) return false;
  }
  return true;
}

std::string lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// "scheme://netloc" of an absolute URL, lowercased (both are case-insensitive).
std::string originOf(std::string_view absoluteUrl) {
  const size_t schemeEnd = absoluteUrl.find("://");
  if (schemeEnd == std::string_view::npos) return {};
  return lower(absoluteUrl.substr(0, schemeEnd)) + "://" + lower(url::netloc(absoluteUrl));
}

// The value of `name` in a query string ("a=1&selectedIssue=OPS-1").
std::optional<std::string> queryValue(std::string_view query, std::string_view name) {
  for (const auto& [key, value] : ihp::sdk::url::parseQuery(query)) {
    if (key == name) return value;
  }
  return std::nullopt;
}

// What follows the base URL, when `input` is under it: "/browse/OPS-1?x=1".
std::optional<std::string_view> pathUnderBase(std::string_view input, std::string_view baseUrl) {
  const std::string origin = originOf(baseUrl);
  if (origin.empty() || originOf(input) != origin) return std::nullopt;
  const std::string_view basePath = baseUrl.substr(baseUrl.find("://") + 3 + url::netloc(baseUrl).size());
  std::string_view rest = input.substr(input.find("://") + 3 + url::netloc(input).size());
  if (rest.substr(0, basePath.size()) != basePath) return std::nullopt;
  rest.remove_prefix(basePath.size());
  if (!rest.empty() && rest.front() != '/' && rest.front() != '?') return std::nullopt;  // "/jira2" is not "/jira"
  return rest;
}

std::optional<std::string> keyFromTicketUrl(std::string_view input, std::string_view baseUrl) {
  auto rest = pathUnderBase(input, stripTrailing(baseUrl, '/'));
  if (!rest) return std::nullopt;
  const size_t fragment = rest->find('#');
  std::string_view withoutFragment = rest->substr(0, fragment);
  const size_t queryStart = withoutFragment.find('?');
  const std::string_view path = stripTrailing(withoutFragment.substr(0, queryStart), '/');
  if (queryStart != std::string_view::npos) {
    if (auto selected = queryValue(withoutFragment.substr(queryStart + 1), "selectedIssue")) return selected;
  }
  constexpr std::string_view kBrowse = "/browse/";
  if (path.substr(0, kBrowse.size()) == kBrowse) return std::string(path.substr(kBrowse.size()));
  return std::nullopt;
}

}  // namespace

bool isLinkableIssueKey(std::string_view text) { return matchesKey(text, true); }
bool isSearchIssueKey(std::string_view text) { return matchesKey(text, false); }

std::optional<std::string> issueKeyFromInput(std::string_view input, std::string_view baseUrl) {
  input = trimWhitespace(input);
  std::optional<std::string> key(std::string{input});
  if (input.find("://") != std::string_view::npos) key = keyFromTicketUrl(input, baseUrl);
  if (!key || !isLinkableIssueKey(*key)) return std::nullopt;
  return key;
}

}  // namespace ih::jira
