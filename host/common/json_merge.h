// host/common/json_merge.h - the one shallow-merge rule for stored JSON
// objects (org link config, integration metadata): top-level keys of the
// patch replace those of the stored object; everything else is kept.
#pragma once

#include <string>
#include <string_view>

namespace ih::host {

// Returns the merged object as JSON text. An empty or non-object `stored`
// counts as {}. Throws BadRequestError when `patch` is not a JSON object.
std::string shallowMergeJson(std::string_view stored, std::string_view patch);

// True when `text` parses as a JSON object.
bool isJsonObject(std::string_view text);

}  // namespace ih::host
