#include "oauth/oauth_params.h"

#include <algorithm>
#include <cctype>

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
    params.emplace_back(url::percentDecode(name, false), url::percentDecode(raw, false));
  }
  return params;
}

const std::string* findParam(const ParamList& params, std::string_view name) {
  for (const auto& [n, v] : params) {
    if (n == name) return &v;
  }
  return nullptr;
}

ParamList signedParameters(const HttpRequest& request, const ParamList& oauthParams) {
  ParamList params = request.queryParams();
  for (const auto& [name, value] : oauthParams) {
    if (name != "oauth_signature" && name != "realm") params.emplace_back(name, value);
  }
  // Only form bodies are signed; JSON bodies are not part of OAuth 1.0 signatures.
  if (request.mediaType() == "application/x-www-form-urlencoded") {
    auto form = url::parseQuery(request.body);
    params.insert(params.end(), form.begin(), form.end());
  }
  return params;
}

std::string baseStringUri(const UrlParts& configuredBase, std::string_view requestPath) {
  return originOf(configuredBase) + std::string(requestPath.empty() ? "/" : requestPath);
}

std::string signatureBaseString(std::string_view method, std::string_view baseUri, ParamList params) {
  for (auto& [name, value] : params) {
    name = url::percentEncode(name);
    value = url::percentEncode(value);
  }
  std::sort(params.begin(), params.end());
  std::string normalized;
  for (const auto& [name, value] : params) {
    if (!normalized.empty()) normalized += '&';
    normalized += name + "=" + value;
  }
  std::string upper(method);
  std::transform(upper.begin(), upper.end(), upper.begin(), [](unsigned char c) { return std::toupper(c); });
  return upper + "&" + url::percentEncode(baseUri) + "&" + url::percentEncode(normalized);
}

}  // namespace ih::mock
