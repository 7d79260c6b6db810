// host/api/json_input.h - reading request bodies and path/query values with
// the contract's error shapes: a bad field is a ValidationError
// {"field":["message"]}, an unknown id in the path is a NotFoundError.
// Ids are accepted as JSON strings or numbers (Sentry style).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "http/request_context.h"
#include "ihp/sdk/json.hpp"

namespace ih::host::api {

using JsonValue = ihp::sdk::json::Value;

// A required non-blank string member.
std::string requireString(const JsonValue& body, std::string_view field);
// A string member when present and not null; ValidationError when of another type.
std::optional<std::string> optionalString(const JsonValue& body, std::string_view field);
// A required id given as "12" or 12.
int64_t requireId(const JsonValue& body, std::string_view field);
// An optional array of strings (absent = empty).
std::vector<std::string> stringList(const JsonValue& body, std::string_view field);
// A required boolean.
bool requireBool(const JsonValue& body, std::string_view field);

// An id parsed from text ("12"); nullopt when it is not a positive integer.
std::optional<int64_t> parseId(std::string_view text);
// The {name} path parameter as an id; NotFoundError when it is not one.
int64_t pathId(const http::RequestContext& ctx, std::string_view name);
// A page's `?cursor=<id>` (the last entry of the page before): 0 when absent,
// ValidationError {"cursor":[...]} when it is not an id.
int64_t cursorParam(const http::RequestContext& ctx);

// Re-serialises one JSON value (e.g. a sub-object of the body for a plugin).
std::string toJsonText(const JsonValue& value);

}  // namespace ih::host::api
