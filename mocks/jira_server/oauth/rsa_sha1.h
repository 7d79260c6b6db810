// RSASSA-PKCS1-v1_5 / SHA-1 signature check against a consumer's public key, as Jira's
// application-link provider does for RSA-SHA1 OAuth requests.
#pragma once

#include <string>
#include <string_view>

namespace ih::mock {

enum class RsaVerdict { kValid, kInvalid, kBadKey };

// publicKeyPem may be a full "BEGIN PUBLIC KEY" PEM or just its base64 body (Jira's
// application-link form accepts both). signatureBase64 is the decoded oauth_signature.
RsaVerdict verifyRsaSha1(const std::string& publicKeyPem, std::string_view message,
                         std::string_view signatureBase64);

}  // namespace ih::mock
