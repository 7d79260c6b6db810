// host/plugins/host_api_guard.h - the defensive layer every ihp_host_api
// function goes through: nothing may propagate into plugin code, and nothing
// a plugin passes is trusted.
//
// guarded() runs a service body and maps any exception to a status
// (NotFoundError -> IHP_E_NOT_FOUND, ValidationError/AbiViolation ->
// IHP_E_INVALID, ForbiddenError -> IHP_E_FORBIDDEN, ConflictError ->
// IHP_E_CONFLICT, CallAbandoned -> IHP_E_TIMEOUT, anything else ->
// IHP_E_INTERNAL plus an error log without secrets). It also holds the
// GateLease that unitOfWork() enters, so a hook call abandoned at its
// deadline never touches its caller's unit of work again (call_gate.h). The argument readers throw AbiViolation for malformed ihp_str
// values, NULL pointers and structs whose struct_size is too small.
#pragma once

#include <algorithm>
#include <cstring>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

#include "host_call_context.h"
#include "ihp/plugin_abi.h"
#include "versioned_struct.h"

namespace ih::host::plugins::api {

// A plugin broke the ABI's argument rules (maps to IHP_E_INVALID).
class AbiViolation : public std::invalid_argument {
 public:
  using std::invalid_argument::invalid_argument;
};

// Maps the exception being handled to a status, logging unexpected ones.
// Call only from inside a catch block.
ihp_status statusForCurrentException(const ihp_host_ctx* ctx, const char* service) noexcept;

template <class Body>
ihp_status guarded(const ihp_host_ctx* ctx, const char* service, Body&& body) noexcept {
  GateLease lease;
  try {
    return body();
  } catch (...) {
    return statusForCurrentException(ctx, service);
  }
}

// For services without a status result (log, reply_*): failures are logged.
template <class Body>
void guardedVoid(const ihp_host_ctx* ctx, const char* service, Body&& body) noexcept {
  GateLease lease;
  try {
    body();
  } catch (...) {
    statusForCurrentException(ctx, service);
  }
}

// The call's context; throws AbiViolation for NULL or a context without a
// plugin (e.g. a stale pointer kept past its call is not detectable, NULL is).
ihp_host_ctx& context(ihp_host_ctx* ctx);
// The unit of work the call's storage access joins, for the rest of the
// current service call (throws CallAbandoned past the call's deadline).
storage::UnitOfWork& unitOfWork(ihp_host_ctx& ctx);

// A borrowed string; absent (NULL) reads as empty. (NULL, len > 0) throws.
std::string_view text(ihp_str s, const char* what);
// Like text(), but absent stays distinguishable.
std::optional<std::string_view> optionalText(ihp_str s, const char* what);
// Present and non-empty.
std::string_view requiredText(ihp_str s, const char* what);

// A zero-filled host copy of a versioned struct: NULL or a struct_size below
// `minimumSize` (the header's IHP_<NAME>_SIZE_V1_0) throws; at most sizeof(T)
// bytes are read, and each of `laterMembers` (every member added after the
// minimum that the caller reads) only when the struct holds it whole
// (versioned_struct.h). The minimum has no default on purpose: sizeof(T)
// grows with the header, and a plugin built against the older, smaller
// struct would then be refused (rule 3 of plugin_abi.h).
template <class T, class... Member>
T structArgument(const T* raw, const char* what, size_t minimumSize, Member T::*... laterMembers) {
  if (raw == nullptr) throw AbiViolation(std::string(what) + " is NULL");
  if (raw->struct_size < minimumSize) throw AbiViolation(std::string(what) + " struct_size is too small");
  // A struct that grew since `minimumSize`: members the caller's older
  // layout lacks stay zero (NULL callbacks are not called).
  return copyVersioned(*raw, laterMembers...);
}

// A validated output sink. Check it before doing the work, so a bad sink
// cannot leave side effects behind with nowhere to report them.
class SinkWriter {
 public:
  SinkWriter(const ihp_sink* sink, const char* what);
  void write(std::string_view data) const;

 private:
  ihp_sink sink_;
};

}  // namespace ih::host::plugins::api
