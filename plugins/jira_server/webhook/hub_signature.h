// webhook/hub_signature.h - Jira DC 10's optional delivery signature,
// `X-Hub-Signature: sha256=<64 lowercase hex>` = HMAC-SHA256(secret, raw body),
// checked in constant time by the host. It is an extra check on top of the URL
// token, never a replacement: a delivery without the header is still accepted
// when its token is valid.
#pragma once

#include <optional>
#include <string_view>

#include "ihp/sdk/host.hpp"

namespace ih::jira {

enum class HubSignatureCheck {
  NotChecked,  // no header, or the integration has no DC secret
  Valid,
  Invalid,     // malformed header or wrong digest
};

HubSignatureCheck checkHubSignature(const ihp::sdk::Host& host, std::optional<std::string_view> header,
                                    std::string_view secret, std::string_view rawBody);

}  // namespace ih::jira
