// tests/unit/host/support/expect_errors.h - asserting on the host's field
// validation errors by field name (and optionally message).
#pragma once

#include <gtest/gtest.h>

#include <string>

#include "common/errors.h"

namespace ih::test {

// Runs `body` and checks it throws a ValidationError naming `field` (and
// carrying `message` exactly, when given).
template <class Body>
::testing::AssertionResult throwsFieldError(Body&& body, const std::string& field, const std::string& message = {}) {
  try {
    body();
  } catch (const host::ValidationError& error) {
    auto it = error.errors().find(field);
    if (it == error.errors().end()) {
      return ::testing::AssertionFailure() << "ValidationError without field '" << field << "': " << error.what();
    }
    if (!message.empty()) {
      for (const auto& text : it->second) {
        if (text == message) return ::testing::AssertionSuccess();
      }
      return ::testing::AssertionFailure()
             << "field '" << field << "' lacks message '" << message << "': " << error.what();
    }
    return ::testing::AssertionSuccess();
  } catch (const std::exception& error) {
    return ::testing::AssertionFailure() << "threw something else: " << error.what();
  }
  return ::testing::AssertionFailure() << "did not throw";
}

}  // namespace ih::test
