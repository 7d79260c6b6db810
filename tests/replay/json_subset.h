// tests/replay/json_subset.h - the "json" expectation of a scenario step: the
// expected document only has to be contained in the actual one, so a scenario
// states what it cares about and ignores the rest (ids, dates, extra fields).
#pragma once

#include <string>
#include <vector>

#include <rapidjson/document.h>

namespace ih::replay {

// Objects: every expected member must be present and match. Arrays: each expected
// element must match a distinct actual element, in any order (use a "length"
// expectation to pin the size). Scalars: equal, numbers by value. Returns one line per
// difference, e.g. `$.data.status: expected "complete" got "error"`; empty when contained.
std::vector<std::string> jsonSubsetDiffs(const rapidjson::Value& expected, const rapidjson::Value& actual);

}  // namespace ih::replay
