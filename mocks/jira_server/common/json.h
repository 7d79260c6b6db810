// The mock reads and writes JSON with the project's one reader and builder
// (ihp/sdk/json.hpp, shared with the host and plugins): the same depth limit,
// the same UTF-8 rules and the same accessors, so the mock cannot accept a
// document the host would refuse, or the other way round. This header only
// adds the throwing flavour the mock's request handling and seed/cassette
// loading are written around.
#pragma once

#include <stdexcept>
#include <string_view>

#include "ihp/sdk/json.hpp"

namespace ih::mock {

namespace json = ihp::sdk::json;

struct JsonParseError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// Throws JsonParseError saying what is wrong and where.
json::Document parseJson(std::string_view text);
// True when text is one complete JSON object or array (used to pick body matching rules).
bool looksLikeJson(std::string_view text);

}  // namespace ih::mock
