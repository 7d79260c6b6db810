// What every Jira JSON view depends on besides the model: the configured base URL (all
// `self` links come from it, never from the Host header) and the email-visibility setting.
#pragma once

#include <string>

#include "state/jira_model.h"

namespace ih::mock {

struct ViewContext {
  std::string baseUrl;  // context path included, no trailing slash
  bool emailVisible = true;

  static ViewContext of(const std::string& baseUrl, const JiraModel& model) {
    return ViewContext{baseUrl, model.settings.emailVisibility};
  }
  std::string api(const std::string& tail) const { return baseUrl + "/rest/api/2/" + tail; }
};

}  // namespace ih::mock
