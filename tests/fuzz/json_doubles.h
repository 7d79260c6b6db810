// tests/fuzz/json_doubles.h - whether a document holds a fractional number.
// The JSON reader reads doubles within one ulp, not bit-exact (RapidJSON's
// full-precision mode misreads out-of-range numbers, docs/fuzzing.md finding
// 8), so the targets' "written twice gives the same text" oracles hold only
// for documents without one.
#pragma once

#include "ihp/sdk/json.hpp"

inline bool holdsDouble(const ihp::sdk::json::Value& value) {
  if (value.IsDouble()) return true;
  if (value.IsArray()) {
    for (const auto& item : value.GetArray()) {
      if (holdsDouble(item)) return true;
    }
  }
  if (value.IsObject()) {
    for (const auto& member : value.GetObject()) {
      if (holdsDouble(member.value)) return true;
    }
  }
  return false;
}
