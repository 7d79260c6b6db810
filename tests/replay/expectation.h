// tests/replay/expectation.h - a step's "expect" and "save": what an answer must
// look like, and which of its values later steps refer to as ${name}.
//
//   "expect": {"status": 201,                       (default: any 2xx)
//              "json": {...},                       (contained, see json_subset.h)
//              "at": {"$.0.type": "assigned"},      (the value at a path contains this one)
//              "length": {"$.items": 2},            (array or object sizes)
//              "contains": ["text"], "absent": ["text"]}   (raw body)
//   "save": {"org": "$.slug", "token": "/token", "requestToken": "$.data.oauthUrl?oauth_token"}
#pragma once

#include <string>
#include <vector>

#include <rapidjson/document.h>

#include "run_context.h"
#include "variables.h"

namespace ih::replay {

// What is wrong with the answer; empty when it meets `expect` (nullptr = any 2xx).
// ${name} in the expectation is substituted first.
std::vector<std::string> unmetExpectations(const rapidjson::Value* expect, const Answer& answer, const Variables& vars);
// Throws StepFailure listing what is unmet.
void checkExpectations(const rapidjson::Value* expect, const Answer& answer, const Variables& vars);

// Throws StepFailure when a path finds nothing or a non-scalar.
void saveValues(const rapidjson::Value& save, const std::string& body, Variables& vars);

}  // namespace ih::replay
