// Polling for asynchronous effects (webhook deliveries, background sync) instead of sleeping.
#pragma once

#include <chrono>
#include <functional>

namespace ih::testing {

// Polls until predicate() is true or the deadline passes; returns the last value of predicate().
bool eventually(const std::function<bool()>& predicate, std::chrono::milliseconds timeout = std::chrono::seconds(10));

}  // namespace ih::testing
