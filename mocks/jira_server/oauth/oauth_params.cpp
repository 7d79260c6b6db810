#include "oauth/oauth_params.h"

#include <algorithm>
#include <cctype>

#include "common/http_types.h"

namespace ih::mock {
namespace {

void skipSeparators(std::string_view text, std::size_t& pos) {
  while (pos < text.size() && (text[pos] == ' ' || text[pos] == ',' || text[pos] == '\t')) ++pos;
}

}  // namespace

std::optional<ParamList> parseOAuthHeader(std::string_view authorization) {
  constexpr std::string_view kScheme = "oauth ";
  if (authorization.size() < kScheme.size() || lowercase(authorization.substr(0, kScheme.size())) != kScheme) {
    return std::nullopt;
  }
  ParamList params;
  std::size_t pos = kScheme.size();
  while (true) {
    skipSeparators(authorization, pos);
    if (pos >= authorization.size()) break;
    auto eq = authorization.find('=', pos);
    if (eq == std::string_view::npos) break;
    std::string name(authorization.substr(pos, eq - pos));
    pos = eq + 1;
    std::string_view raw;
    if (pos < authorization.size() && authorization[pos] == '"') {
      auto close = authorization.find('"', pos + 1);
      if (close == std::string_view::npos) close = authorization.size();
      raw = authorization.substr(pos + 1, close - pos - 1);
      pos = close + 1;
    } else {
      auto end = authorization.find(',', pos);
      if (end == std::string_view::npos) end = authorization.size();
      raw = authorization.substr(pos, end - pos);
      pos = end;
    }
    params.emplace_back(percentDecode(name, false), percentDecode(raw, false));
  }
  return params;
}

const std::string* findParam(const ParamList& params, std::string_view name) {
  for (const auto& [n, v] : params) {
    if (n == name) return &v;
  }
  return nullptr;
}

std::string baseStringUri(const UrlParts& configuredBase, std::string_view requestPath) {
  return originOf(configuredBase) + std::string(requestPath.empty() ? "/" : requestPath);
}

std::string signatureBaseString(std::string_view method, std::string_view baseUri, ParamList params) {
  for (auto& [name, value] : params) {
    name = percentEncode(name);
    value = percentEncode(value);
  }
  std::sort(params.begin(), params.end());
  std::string normalized;
  for (const auto& [name, value] : params) {
    if (!normalized.empty()) normalized += '&';
    normalized += name + "=" + value;
  }
  std::string upper(method);
  std::transform(upper.begin(), upper.end(), upper.begin(), [](unsigned char c) { return std::toupper(c); });
  return upper + "&" + percentEncode(baseUri) + "&" + percentEncode(normalized);
}

}  // namespace ih::mock
