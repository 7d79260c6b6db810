// host/domain/change_source.h - who caused a change to an issue.
//
// Every assignment, status change and comment records its source. When the
// source is an integration, the outbound sync skips that same integration:
// this is the loop guard that stops a Jira change from being echoed back to
// Jira.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>

namespace ih::host::domain {

struct ChangeSource {
  std::optional<int64_t> userId;         // a user acting through the API
  std::optional<int64_t> integrationId;  // an integration acting on inbound data
  std::string provider;                  // the integration's plugin key, for activity data

  static ChangeSource user(std::optional<int64_t> id) { return ChangeSource{id, std::nullopt, {}}; }
  static ChangeSource integration(int64_t id, std::string providerKey) {
    return ChangeSource{std::nullopt, id, std::move(providerKey)};
  }
};

}  // namespace ih::host::domain
