// host/plugins/host_api_reply.cpp - ihp_host_api: reply_* (the builder every
// hook answers through; the host copies everything at once).
//
// Reply headers must be valid HTTP (RFC 9110 field syntax): a name or value
// that is not - a CR/LF would inject headers into the answer - marks the whole
// reply refused, and the host answers 500 instead (loaded_plugin.cpp logs it).
// So does a status outside 100..599.

#include "http/field_syntax.h"
#include "plugins/host_api_guard.h"
#include "plugins/host_api_services.h"

namespace ih::host::plugins::api {

namespace {

// Reply calls carry no ctx; a NULL reply is a plugin bug we can only log.
template <class Body>
void withReply(ihp_reply* reply, const char* service, Body&& body) noexcept {
  guardedVoid(nullptr, service, [&] {
    if (reply == nullptr) throw AbiViolation("reply is NULL");
    body(reply->result);
  });
}

void replyStatus(ihp_reply* reply, int32_t httpStatus) {
  withReply(reply, "reply_status", [&](HookReply& result) {
    // Refused like a bad header: left at its default, a plugin that meant to
    // fail would answer 200.
    if (httpStatus < 100 || httpStatus > 599) {
      result.rejected = "the reply status " + std::to_string(httpStatus) + " is not within 100..599";
      return;
    }
    result.httpStatus = httpStatus;
  });
}

void replyHeader(ihp_reply* reply, ihp_str name, ihp_str value) {
  withReply(reply, "reply_header", [&](HookReply& result) {
    const std::string_view headerName = requiredText(name, "name");
    const std::string_view headerValue = text(value, "value");
    if (!http::isFieldName(headerName)) {
      result.rejected = "a reply header name is not an HTTP token";  // never echo it: it may carry anything
    } else if (!http::isFieldValue(headerValue)) {
      result.rejected = "the value of reply header " + std::string(headerName) +
                        " is not valid HTTP (control characters, CR/LF or surrounding blanks)";
    } else {
      result.headers.emplace_back(std::string(headerName), std::string(headerValue));
    }
  });
}

void replyBody(ihp_reply* reply, const char* data, size_t len) {
  withReply(reply, "reply_body", [&](HookReply& result) {
    result.body.append(text(ihp_str{data, len}, "data"));
  });
}

void replyError(ihp_reply* reply, ihp_str message) {
  withReply(reply, "reply_error", [&](HookReply& result) { result.error = std::string(text(message, "message")); });
}

void replyRetryAfterMs(ihp_reply* reply, int64_t delayMs) {
  withReply(reply, "reply_retry_after_ms", [&](HookReply& result) {
    if (delayMs < 0) throw AbiViolation("retry delay must be >= 0");
    result.retryAfterMs = delayMs;
  });
}

void replyPipelineState(ihp_reply* reply, ihp_str state) {
  withReply(reply, "reply_pipeline_state", [&](HookReply& result) {
    result.pipelineState = std::string(text(state, "state_json"));
  });
}

void replyPipelineRef(ihp_reply* reply, ihp_str ref) {
  withReply(reply, "reply_pipeline_ref", [&](HookReply& result) {
    result.pipelineRef = std::string(requiredText(ref, "ref"));
  });
}

void replyDefer(ihp_reply* reply) {
  withReply(reply, "reply_defer", [](HookReply& result) { result.deferred = true; });
}

}  // namespace

void installReplyServices(ihp_host_api& table) {
  table.reply_status = &replyStatus;
  table.reply_header = &replyHeader;
  table.reply_body = &replyBody;
  table.reply_error = &replyError;
  table.reply_retry_after_ms = &replyRetryAfterMs;
  table.reply_pipeline_state = &replyPipelineState;
  table.reply_pipeline_ref = &replyPipelineRef;
  table.reply_defer = &replyDefer;
}

}  // namespace ih::host::plugins::api
