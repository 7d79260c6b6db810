// Loads the contract's seed JSON into the model. A seed merges: an entry whose natural key
// (user name, consumerKey, PAT token, project key, status id, transition id, issue key)
// already exists replaces it, anything else is added. All or nothing: a bad seed leaves
// the model untouched.
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string_view>

#include "state/jira_model.h"

namespace ih::mock {

struct SeedError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// Throws SeedError (or JsonParseError) with a message naming the offending entry.
void applySeed(JiraModel& model, std::string_view seedJson, std::int64_t nowMs);

}  // namespace ih::mock
