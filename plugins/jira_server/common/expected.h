// common/expected.h - a value or an error, for the plugin's fallible steps.
//
// std::expected is C++23; this is the small subset the plugin needs. Success
// converts implicitly from T, failure is spelled `fail(error)` so the two stay
// unambiguous even when T and E are the same type (e.g. two strings).
#pragma once

#include <utility>
#include <variant>

namespace ih::jira {

template <class E>
struct Failure {
  E error;
};

template <class E>
Failure<std::decay_t<E>> fail(E&& error) {
  return Failure<std::decay_t<E>>{std::forward<E>(error)};
}

// A value that callers with nothing to return can still report success with.
struct Done {};

template <class T, class E>
class Expected {
 public:
  Expected(T value) : state_(std::in_place_index<0>, std::move(value)) {}  // NOLINT: implicit by design
  template <class F>
  Expected(Failure<F> failure) : state_(std::in_place_index<1>, E(std::move(failure.error))) {}  // NOLINT

  bool ok() const { return state_.index() == 0; }
  explicit operator bool() const { return ok(); }

  T& value() & { return std::get<0>(state_); }
  const T& value() const& { return std::get<0>(state_); }
  T&& value() && { return std::get<0>(std::move(state_)); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

  const E& error() const { return std::get<1>(state_); }

 private:
  std::variant<T, E> state_;
};

}  // namespace ih::jira
