// common/replies.h - the reply shapes every hook of the plugin shares, so the
// JSON of an error answer is built in exactly one place.
#pragma once

#include <cstdint>
#include <string_view>

#include "ihp/sdk/reply.hpp"

namespace ih::jira {

// `status` with {"detail": "<message>"} (the host wraps pipeline errors as
// {"status":"error","data":{"detail"}}).
void replyDetail(ihp::sdk::Reply& reply, int32_t status, std::string_view detail);

// `status` with no body at all: what a webhook sender whose token or
// signature failed gets, so an unauthenticated caller learns nothing about
// which check refused it. (A sender that passed them is Jira, or holds its
// secret: its refused payloads are answered with {"detail"}, for the admin
// reading Jira's webhook failures.)
void replyEmpty(ihp::sdk::Reply& reply, int32_t status);

}  // namespace ih::jira
