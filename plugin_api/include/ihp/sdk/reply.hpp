// ihp/sdk/reply.hpp - C++ face of the host's ihp_reply builder: the only way a
// hook hands data back. Every call copies into host memory immediately.
#pragma once

#include <cstdint>
#include <string_view>

#include "ihp/sdk/strings.hpp"

namespace ihp::sdk {

class Reply {
 public:
  Reply(const ihp_host_api* api, ihp_reply* reply) : api_(api), reply_(reply) {}

  Reply& status(int32_t httpStatus) {
    api_->reply_status(reply_, httpStatus);
    return *this;
  }
  Reply& header(std::string_view name, std::string_view value) {
    api_->reply_header(reply_, str(name), str(value));
    return *this;
  }
  Reply& body(std::string_view data) {
    api_->reply_body(reply_, data.data(), data.size());
    return *this;
  }
  // Status plus a JSON body in one go.
  Reply& json(int32_t httpStatus, std::string_view jsonText) { return status(httpStatus).body(jsonText); }
  Reply& error(std::string_view message) {
    api_->reply_error(reply_, str(message));
    return *this;
  }
  Reply& retryAfterMs(int64_t delayMs) {
    api_->reply_retry_after_ms(reply_, delayMs);
    return *this;
  }
  Reply& pipelineState(std::string_view stateJson) {
    api_->reply_pipeline_state(reply_, str(stateJson));
    return *this;
  }
  Reply& pipelineRef(std::string_view ref) {
    api_->reply_pipeline_ref(reply_, str(ref));
    return *this;
  }
  // In an ACCEPT call (phaseOf below): asks the host to keep the request and
  // call again with APPLY. False when the host cannot (before 1.5); apply the
  // request now instead.
  bool defer() {
    if (!IHP_HOST_HAS(api_, reply_defer)) return false;
    api_->reply_defer(reply_);
    return true;
  }

 private:
  const ihp_host_api* api_;
  ihp_reply* reply_;
};

// The request's phase (IHP_REQUEST_PHASE_*); INLINE from a host before 1.5.
inline uint32_t phaseOf(const ihp_request& request) {
  return IHP_HAS_MEMBER(ihp_request, request.struct_size, phase) ? request.phase : IHP_REQUEST_PHASE_INLINE;
}

}  // namespace ihp::sdk
