// ihp/sdk/result.hpp - a status plus a value, the SDK's return type for host
// services that produce data. A failed result carries the status; its value is
// empty.
#pragma once

#include <string>
#include <utility>

#include "ihp/plugin_abi.h"

namespace ihp::sdk {

template <class T>
struct Result {
  ihp_status status = IHP_E_INTERNAL;
  T value{};

  bool ok() const { return status == IHP_OK; }
  explicit operator bool() const { return ok(); }

  static Result success(T v) { return Result{IHP_OK, std::move(v)}; }
  static Result failure(ihp_status s) { return Result{s, T{}}; }
};

// Human-readable name of a status, for log lines.
inline const char* statusName(ihp_status status) {
  switch (status) {
    case IHP_OK: return "ok";
    case IHP_E_RETRY: return "retry";
    case IHP_E_PERMANENT: return "permanent";
    case IHP_E_INVALID: return "invalid";
    case IHP_E_NOT_FOUND: return "not_found";
    case IHP_E_INCOMPATIBLE: return "incompatible";
    case IHP_E_UNAUTHORIZED: return "unauthorized";
    case IHP_E_CONFLICT: return "conflict";
    case IHP_E_TIMEOUT: return "timeout";
    case IHP_E_UNREACHABLE: return "unreachable";
    case IHP_E_RESET: return "reset";
    case IHP_E_INTERNAL: return "internal";
    case IHP_E_UNSUPPORTED: return "unsupported";
    case IHP_E_FORBIDDEN: return "forbidden";
    default: return "unknown";
  }
}

}  // namespace ihp::sdk
