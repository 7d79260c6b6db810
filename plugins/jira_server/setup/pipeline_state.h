// setup/pipeline_state.h - what step 1 hands to step 2 through the host's
// (sealed) pipeline state: the validated form and the request token with its
// secret. Nothing is persisted by the plugin; the host keeps this until the
// pipeline completes or expires.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "setup/installation_form.h"
#include "setup/oauth_dance.h"

namespace ih::jira {

struct PipelineState {
  InstallationData installation;
  OAuthTokenPair requestToken;

  std::string toJson() const;
  static std::optional<PipelineState> fromJson(std::string_view json);
};

}  // namespace ih::jira
