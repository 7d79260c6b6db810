// host/api/json_response.h - builds a JSON answer from a writer callback, so
// handlers say what to write and not how to wrap it.
#pragma once

#include <utility>

#include "http/response.h"
#include "ihp/sdk/json.hpp"

namespace ih::host::api {

using ihp::sdk::json::JsonBuilder;

template <class Write>
http::Response jsonResponse(int status, Write&& write) {
  ihp::sdk::json::JsonBuilder b;
  std::forward<Write>(write)(b);
  return http::Response::json(status, b.str());
}

// A JSON array with one element per item, each written by `writeItem(b, item)`.
template <class Items, class WriteItem>
http::Response jsonListResponse(int status, const Items& items, WriteItem&& writeItem) {
  return jsonResponse(status, [&](ihp::sdk::json::JsonBuilder& b) {
    b.beginArray();
    for (const auto& item : items) writeItem(b, item);
    b.endArray();
  });
}

}  // namespace ih::host::api
