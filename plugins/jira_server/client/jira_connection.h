// client/jira_connection.h - everything needed to talk to one Jira: its base
// URL (context path included), whether to verify TLS, and the credentials
// (OAuth 1.0a RSA-SHA1 today; a personal access token in part 2). Built from
// the install form during setup, or loaded from the host's records for a hook
// that acts on an installed integration.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "ihp/sdk/host.hpp"

namespace ih::jira {

enum class AuthType { OAuth1, PersonalAccessToken };

struct JiraCredentials {
  AuthType authType = AuthType::OAuth1;
  // OAuth 1.0a (application link, RSA-SHA1).
  std::string consumerKey;
  std::string privateKey;
  std::string accessToken;        // empty during setup, before leg 3
  std::string accessTokenSecret;  // unused by RSA-SHA1, kept as Jira issued it
  // Personal access token ("Authorization: Bearer").
  std::string personalAccessToken;

  // The stored credentials document (keys in common/keys.h); nullopt when the
  // document is not an object or lacks what its auth_type needs.
  static std::optional<JiraCredentials> fromJson(std::string_view json);
  std::string toJson() const;
};

struct JiraConnection {
  std::string baseUrl;  // no trailing '/', context path kept
  bool verifySsl = true;
  JiraCredentials credentials;
  int64_t integrationId = 0;  // 0 while installing (nothing is cached then)
};

// Why loadConnection failed: the record is gone (give up) or the host could not
// answer (try again).
struct ConnectionLoadError {
  ihp_status status = IHP_E_INTERNAL;
  std::string reason;
  bool permanent() const { return status == IHP_E_NOT_FOUND || status == IHP_E_INVALID; }
};

// The connection an organization uses for an installed integration: base URL
// and verify_ssl from the integration's metadata, credentials of the identity
// the org link uses (organizationId 0: any identity, e.g. for uninstall).
std::optional<JiraConnection> loadConnection(const ihp::sdk::Host& host, int64_t integrationId,
                                             int64_t organizationId, ConnectionLoadError& error);

}  // namespace ih::jira
