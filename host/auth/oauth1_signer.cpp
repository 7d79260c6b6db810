#include "auth/oauth1_signer.h"

#include <algorithm>
#include <ctime>
#include <memory>
#include <stdexcept>

#include <openssl/evp.h>
#include <openssl/rand.h>

#include "auth/private_key_cache.h"
#include "common/base64.h"
#include "common/strings.h"
#include "ihp/sdk/hex.hpp"
#include "ihp/sdk/url.hpp"

namespace ih::host::auth {
namespace {

using Params = std::vector<std::pair<std::string, std::string>>;
// RFC 5849 section 3.6 encoding is RFC 3986's unreserved set, the SDK's encoder.
using ihp::sdk::url::percentEncode;

struct ParsedUrl {
  std::string baseUri;  // scheme://host[:port]/path
  std::string query;
};

ParsedUrl parseUrl(const std::string& url) {
  const auto schemeEnd = url.find("://");
  if (schemeEnd == std::string::npos || schemeEnd == 0) throw std::invalid_argument("OAuth1: not an absolute URL: " + url);
  const auto scheme = toLowerAscii(url.substr(0, schemeEnd));
  const auto authorityStart = schemeEnd + 3;
  const auto pathStart = url.find_first_of("/?#", authorityStart);
  auto authority = toLowerAscii(url.substr(authorityStart, pathStart - authorityStart));
  if (authority.empty()) throw std::invalid_argument("OAuth1: URL has no host: " + url);
  const auto defaultPort = scheme == "https" ? ":443" : scheme == "http" ? ":80" : "";
  if (*defaultPort != '\0' && authority.size() > std::char_traits<char>::length(defaultPort) &&
      authority.compare(authority.size() - std::char_traits<char>::length(defaultPort), std::string::npos, defaultPort) == 0) {
    authority.erase(authority.size() - std::char_traits<char>::length(defaultPort));
  }
  std::string rest = pathStart == std::string::npos ? "" : url.substr(pathStart);
  rest = rest.substr(0, rest.find('#'));
  const auto queryStart = rest.find('?');
  std::string path = rest.substr(0, queryStart);
  ParsedUrl parsed;
  parsed.baseUri = scheme + "://" + authority + (path.empty() ? "/" : path);
  if (queryStart != std::string::npos) parsed.query = rest.substr(queryStart + 1);
  return parsed;
}

std::string randomNonce() {
  unsigned char bytes[16];
  if (RAND_bytes(bytes, sizeof bytes) != 1) throw std::runtime_error("OAuth1: RAND_bytes failed");
  return ihp::sdk::hex::encode(bytes, sizeof bytes);
}

std::string rsaSha1Base64(const std::string& privateKeyPem, const std::string& message) {
  // Parsed once per key (the parse cost more than the signature itself).
  const PrivateKeyHandle key = PrivateKeyCache::shared().get(privateKeyPem);
  std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx(EVP_MD_CTX_new(), EVP_MD_CTX_free);
  std::size_t length = 0;
  const auto* data = reinterpret_cast<const unsigned char*>(message.data());
  if (EVP_DigestSignInit(ctx.get(), nullptr, EVP_sha1(), nullptr, key.get()) != 1 ||
      EVP_DigestSign(ctx.get(), nullptr, &length, data, message.size()) != 1) {
    throw std::invalid_argument("OAuth1: the private key cannot sign with RSA-SHA1");
  }
  std::string signature(length, '\0');
  if (EVP_DigestSign(ctx.get(), reinterpret_cast<unsigned char*>(signature.data()), &length, data, message.size()) != 1) {
    throw std::invalid_argument("OAuth1: RSA-SHA1 signing failed");
  }
  signature.resize(length);
  return base64Encode(signature);
}

}  // namespace

std::string oauth1BaseString(const std::string& method, const std::string& url, const Params& oauthParams) {
  const auto parsed = parseUrl(url);
  Params encoded;
  for (const auto& [name, value] : ihp::sdk::url::parseQuery(parsed.query)) {
    encoded.emplace_back(percentEncode(name), percentEncode(value));
  }
  for (const auto& [name, value] : oauthParams) encoded.emplace_back(percentEncode(name), percentEncode(value));
  std::sort(encoded.begin(), encoded.end());
  std::string normalized;
  for (const auto& [name, value] : encoded) normalized += (normalized.empty() ? "" : "&") + name + "=" + value;
  return toUpperAscii(method) + "&" + percentEncode(parsed.baseUri) + "&" + percentEncode(normalized);
}

std::string signOAuth1(const OAuth1Request& request) {
  Params params = {{"oauth_consumer_key", request.consumerKey},
                   {"oauth_nonce", randomNonce()},
                   {"oauth_signature_method", "RSA-SHA1"},
                   {"oauth_timestamp", std::to_string(std::time(nullptr))}};
  if (!request.token.empty()) params.emplace_back("oauth_token", request.token);
  if (!request.verifier.empty()) params.emplace_back("oauth_verifier", request.verifier);
  params.emplace_back("oauth_version", "1.0");
  const auto signature = rsaSha1Base64(request.privateKeyPem, oauth1BaseString(request.method, request.url, params));
  params.emplace_back("oauth_signature", signature);
  std::sort(params.begin(), params.end());
  std::string header = "OAuth ";
  for (std::size_t i = 0; i < params.size(); ++i) {
    header += (i == 0 ? "" : ", ") + params[i].first + "=\"" + percentEncode(params[i].second) + "\"";
  }
  return header;
}

}  // namespace ih::host::auth
