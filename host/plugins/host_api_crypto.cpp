// host/plugins/host_api_crypto.cpp - ihp_host_api: randomness, HMAC,
// constant-time comparison, HS256 JWTs, the PEM key check and OAuth 1.0a
// signing. Secrets and tokens pass through here: nothing is ever logged.
#include <cstring>

#include "auth/crypto.h"
#include "auth/jwt.h"
#include "auth/oauth1_signer.h"
#include "common/clock.h"
#include "plugins/host_api_guard.h"
#include "plugins/host_api_services.h"
#include "plugins/host_services.h"

namespace ih::host::plugins::api {

namespace {

constexpr size_t kMaxRandomBytes = 1 << 20;

ihp_status randomBytes(ihp_host_ctx* ctx, uint8_t* out, size_t len) {
  return guarded(ctx, "random_bytes", [&] {
    if (len > kMaxRandomBytes) throw AbiViolation("len exceeds 1 MiB");
    if (out == nullptr && len > 0) throw AbiViolation("out is NULL");
    std::string bytes = auth::randomBytes(len);
    if (len > 0) std::memcpy(out, bytes.data(), len);
    return IHP_OK;
  });
}

ihp_status hmacSha256(ihp_host_ctx* ctx, ihp_str key, ihp_str data, uint8_t* out32) {
  return guarded(ctx, "hmac_sha256", [&] {
    if (out32 == nullptr) throw AbiViolation("out32 is NULL");
    auto mac = auth::hmacSha256(text(key, "key"), text(data, "data"));
    std::memcpy(out32, mac.data(), mac.size());
    return IHP_OK;
  });
}

int32_t constantTimeEquals(ihp_host_ctx* ctx, ihp_str a, ihp_str b) {
  int32_t equal = 0;
  guarded(ctx, "constant_time_equals", [&] {
    equal = auth::constantTimeEquals(text(a, "a"), text(b, "b")) ? 1 : 0;
    return IHP_OK;
  });
  return equal;
}

ihp_status jwtSign(ihp_host_ctx* ctx, ihp_str claims, ihp_str secret, const ihp_sink* tokenOut) {
  return guarded(ctx, "jwt_hs256_sign", [&] {
    SinkWriter out(tokenOut, "token_out");
    out.write(auth::jwtSignHs256(text(claims, "claims_json"), requiredText(secret, "secret")));
    return IHP_OK;
  });
}

ihp_status verdict(const auth::JwtResult& result, const SinkWriter& out) {
  if (result.error == auth::JwtError::Malformed) return IHP_E_INVALID;
  if (!result.ok()) return IHP_E_UNAUTHORIZED;
  out.write(result.claimsJson);
  return IHP_OK;
}

ihp_status jwtVerify(ihp_host_ctx* ctx, ihp_str token, ihp_str secret, const ihp_sink* claimsOut) {
  return guarded(ctx, "jwt_hs256_verify", [&] {
    ihp_host_ctx& c = context(ctx);
    SinkWriter out(claimsOut, "claims_out");
    return verdict(auth::jwtVerifyHs256(text(token, "token"), text(secret, "secret"), c.services->clock.nowMs()), out);
  });
}

ihp_status jwtPeek(ihp_host_ctx* ctx, ihp_str token, const ihp_sink* claimsOut) {
  return guarded(ctx, "jwt_peek_claims", [&] {
    SinkWriter out(claimsOut, "claims_out");
    return verdict(auth::jwtPeekClaims(text(token, "token")), out);
  });
}

ihp_status privateKeyCheck(ihp_host_ctx* ctx, ihp_str pem) {
  return guarded(ctx, "private_key_check", [&] {
    return auth::isUnencryptedPemPrivateKey(text(pem, "pem")) ? IHP_OK : IHP_E_INVALID;
  });
}

ihp_status oauth1Sign(ihp_host_ctx* ctx, const ihp_oauth1_request* rawRequest, const ihp_sink* authorizationOut) {
  return guarded(ctx, "oauth1_sign", [&] {
    const auto raw = structArgument(rawRequest, "request", IHP_OAUTH1_REQUEST_SIZE_V1_0);
    SinkWriter out(authorizationOut, "authorization_out");
    auth::OAuth1Request request;
    request.method = std::string(requiredText(raw.method, "method"));
    request.url = std::string(requiredText(raw.url, "url"));
    request.consumerKey = std::string(requiredText(raw.consumer_key, "consumer_key"));
    request.privateKeyPem = std::string(requiredText(raw.private_key_pem, "private_key_pem"));
    request.token = std::string(text(raw.token, "token"));
    request.verifier = std::string(text(raw.verifier, "verifier"));
    out.write(auth::signOAuth1(request));  // std::invalid_argument (bad key) -> IHP_E_INVALID
    return IHP_OK;
  });
}

}  // namespace

void installCryptoServices(ihp_host_api& table) {
  table.random_bytes = &randomBytes;
  table.hmac_sha256 = &hmacSha256;
  table.constant_time_equals = &constantTimeEquals;
  table.jwt_hs256_sign = &jwtSign;
  table.jwt_hs256_verify = &jwtVerify;
  table.jwt_peek_claims = &jwtPeek;
  table.private_key_check = &privateKeyCheck;
  table.oauth1_sign = &oauth1Sign;
}

}  // namespace ih::host::plugins::api
