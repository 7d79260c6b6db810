#include "oauth/oauth_validator.h"

#include <cstdlib>

#include "common/wall_clock.h"
#include "oauth/oauth_params.h"
#include "oauth/rsa_sha1.h"

namespace ih::mock {
namespace {

OAuthProblem problem(std::string name, ParamList details = {}) { return OAuthProblem{std::move(name), std::move(details)}; }

std::optional<OAuthProblem> missingParameters(const ParamList& params, TokenRole role) {
  std::vector<std::string> required = {"oauth_consumer_key", "oauth_signature_method", "oauth_signature",
                                       "oauth_timestamp", "oauth_nonce"};
  if (role == TokenRole::kRequestToken || role == TokenRole::kAccessToken) required.push_back("oauth_token");
  std::string absent;
  for (const auto& name : required) {
    const auto* value = findParam(params, name);
    if (value == nullptr || value->empty()) absent += (absent.empty() ? "" : "&") + name;
  }
  if (absent.empty()) return std::nullopt;
  return problem("parameter_absent", {{"oauth_parameters_absent", absent}});
}

std::optional<OAuthProblem> checkTimestamp(const std::string& timestamp, std::int64_t nowSeconds) {
  char* end = nullptr;
  long long value = std::strtoll(timestamp.c_str(), &end, 10);
  bool numeric = end != nullptr && *end == '\0';
  if (numeric && std::llabs(value - nowSeconds) <= NonceRegistry::kWindowSeconds) return std::nullopt;
  return problem("timestamp_refused",
                 {{"oauth_acceptable_timestamps", std::to_string(nowSeconds - NonceRegistry::kWindowSeconds) + "-" +
                                                      std::to_string(nowSeconds + NonceRegistry::kWindowSeconds)}});
}

}  // namespace

OAuthOutcome OAuthValidator::validate(const HttpRequest& request, const ParamList& oauthParams, TokenRole role) const {
  if (auto absent = missingParameters(oauthParams, role)) return *absent;
  if (*findParam(oauthParams, "oauth_signature_method") != "RSA-SHA1") {
    return problem("signature_method_rejected", {{"oauth_acceptable_signature_methods", "RSA-SHA1"}});
  }
  if (const auto* version = findParam(oauthParams, "oauth_version"); version != nullptr && *version != "1.0") {
    return problem("version_rejected", {{"oauth_acceptable_versions", "1.0-1.0"}});
  }
  OAuthGrant grant;
  grant.consumerKey = *findParam(oauthParams, "oauth_consumer_key");
  auto publicKey = state_.read([&](const JiraModel& m) -> std::optional<std::string> {
    const auto* consumer = m.findConsumer(grant.consumerKey);
    return consumer != nullptr ? std::optional(consumer->publicKeyPem) : std::nullopt;
  });
  if (!publicKey) return problem("consumer_key_unknown");

  const auto nowSeconds = nowMillis() / 1000;
  const auto& timestamp = *findParam(oauthParams, "oauth_timestamp");
  if (auto refused = checkTimestamp(timestamp, nowSeconds)) return *refused;
  const auto& nonce = *findParam(oauthParams, "oauth_nonce");
  const auto timestampValue = std::atoll(timestamp.c_str());
  if (nonces_.seen(grant.consumerKey, nonce, timestampValue)) return problem("nonce_used");
  if (auto tokenProblem = checkToken(oauthParams, grant.consumerKey, role, grant)) return *tokenProblem;
  if (auto invalid = checkSignature(request, oauthParams, *publicKey)) return *invalid;
  // Remembered only once the signature holds, so a forged request cannot burn a real nonce.
  nonces_.remember(grant.consumerKey, nonce, timestampValue, nowSeconds);
  return grant;
}

std::optional<OAuthProblem> OAuthValidator::checkToken(const ParamList& oauthParams, const std::string& consumerKey,
                                                       TokenRole role, OAuthGrant& grant) const {
  const auto* token = findParam(oauthParams, "oauth_token");
  if (token != nullptr) grant.token = *token;
  if (role == TokenRole::kAccessToken) {
    auto access = tokens_.accessToken(*token);
    if (!access || access->consumerKey != consumerKey) return problem("token_rejected");
    if (access->expired) return problem("token_expired");
    grant.user = access->user;
  } else if (role == TokenRole::kRequestToken) {
    auto request = tokens_.requestToken(*token, nowMillis());
    if (!request || request->consumerKey != consumerKey) return problem("token_rejected");
    if (request->expired) return problem("token_expired");
    if (!request->approvedUser) return problem("permission_unknown");
    const auto* verifier = findParam(oauthParams, "oauth_verifier");
    if (verifier == nullptr || verifier->empty()) {
      return problem("parameter_absent", {{"oauth_parameters_absent", "oauth_verifier"}});
    }
    // Jira's legacy 1.0 flow (Sentry) presents the request token itself as the verifier.
    if (*verifier != request->verifier && *verifier != request->token) return problem("token_rejected");
  }
  return std::nullopt;
}

std::optional<OAuthProblem> OAuthValidator::checkSignature(const HttpRequest& request, const ParamList& oauthParams,
                                                           const std::string& publicKey) const {
  const auto baseString =
      signatureBaseString(request.method, baseStringUri(base_, request.path), signedParameters(request, oauthParams));
  const auto& signature = *findParam(oauthParams, "oauth_signature");
  if (verifyRsaSha1(publicKey, baseString, signature) == RsaVerdict::kValid) return std::nullopt;
  return problem("signature_invalid", {{"oauth_signature", signature},
                                       {"oauth_signature_base_string", baseString},
                                       {"oauth_signature_method", "RSA-SHA1"}});
}

}  // namespace ih::mock
