// X-Hub-Signature for webhooks with a secret: "sha256=" + lowercase hex HMAC-SHA256 of the
// exact body bytes, keyed with the secret.
#pragma once

#include <string>
#include <string_view>

namespace ih::mock {

std::string hubSignature(std::string_view secret, std::string_view body);

}  // namespace ih::mock
