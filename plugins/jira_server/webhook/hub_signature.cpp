#include "webhook/hub_signature.h"

#include "ihp/sdk/hex.hpp"

namespace ih::jira {

namespace {
constexpr std::string_view kPrefix = "sha256=";
constexpr size_t kHexDigestLength = 64;
}  // namespace

HubSignatureCheck checkHubSignature(const ihp::sdk::Host& host, std::optional<std::string_view> header,
                                    std::string_view secret, std::string_view rawBody) {
  if (!header || secret.empty()) return HubSignatureCheck::NotChecked;
  // Reject a wrong shape before comparing anything (no sha1=, no uppercase, no truncation).
  if (header->substr(0, kPrefix.size()) != kPrefix) return HubSignatureCheck::Invalid;
  std::string_view received = header->substr(kPrefix.size());
  if (received.size() != kHexDigestLength || !ihp::sdk::hex::isLowercase(received)) return HubSignatureCheck::Invalid;

  auto digest = host.hmacSha256(secret, rawBody);
  if (!digest) return HubSignatureCheck::Invalid;  // fail closed
  return host.constantTimeEquals(ihp::sdk::hex::encode(digest.value), received) ? HubSignatureCheck::Valid
                                                                     : HubSignatureCheck::Invalid;
}

}  // namespace ih::jira
