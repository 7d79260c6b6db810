// ihp/sdk/json.hpp - the JSON reader and builder in one include, for the
// documents that cross the plugin ABI (and that the host and the mock read
// and write with the same code). See json_reader.hpp for why reading goes
// through read() and never through rapidjson::Document::Parse.
#pragma once

#include "ihp/sdk/json_builder.hpp"
#include "ihp/sdk/json_reader.hpp"
