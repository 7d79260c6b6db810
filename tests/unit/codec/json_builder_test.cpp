// The one JSON builder (ihp/sdk/json_builder.hpp): every integer type, null
// for an empty optional, raw splicing, and escaping.
#include <gtest/gtest.h>

#include <cstdint>
#include <optional>
#include <string>

#include "ihp/sdk/json.hpp"

namespace ihp::sdk::json {
namespace {

TEST(JsonBuilder, WritesEveryScalarKind) {
  JsonBuilder out;
  const size_t count = 3;
  const int64_t big = INT64_MIN;
  out.beginObject()
      .field("int", 1)
      .field("size", count)
      .field("big", big)
      .field("max", UINT64_MAX)
      .field("real", 2.5)
      .field("yes", true)
      .field("text", "a\"b\n")
      .nullField("nothing")
      .endObject();
  EXPECT_EQ(out.str(), R"({"int":1,"size":3,"big":-9223372036854775808,"max":18446744073709551615,"real":2.5,)"
                       R"("yes":true,"text":"a\"b\n","nothing":null})");
}

TEST(JsonBuilder, AnEmptyOptionalIsNull) {
  JsonBuilder out;
  out.beginObject()
      .field("a", std::optional<std::string>())
      .field("b", std::optional<std::string>("x"))
      .field("c", std::optional<int64_t>(5))
      .field("d", std::optional<int64_t>())
      .endObject();
  EXPECT_EQ(out.str(), R"({"a":null,"b":"x","c":5,"d":null})");
}

TEST(JsonBuilder, SplicesRawJsonAndValues) {
  Document doc;
  ASSERT_TRUE(parse(R"({"k":[1,2]})", doc));
  JsonBuilder out;
  out.beginArray().raw(R"({"x":1})").raw("").value(doc).endArray();
  EXPECT_EQ(out.str(), R"([{"x":1},null,{"k":[1,2]}])");
}

TEST(JsonBuilder, WhatItWritesReadsBack) {
  JsonBuilder out;
  out.beginObject().field("text", "h\xc3\xa9 \xf0\x9f\x98\x80 \x01").endObject();
  Document doc;
  ASSERT_TRUE(read(out.str(), doc)) << out.str();
  EXPECT_EQ(string(doc, "text"), "h\xc3\xa9 \xf0\x9f\x98\x80 \x01");
}

bool holdsRawControlByte(const std::string& text) {
  for (const char c : text) {
    if (static_cast<unsigned char>(c) < 0x20) return true;
  }
  return false;
}

// RapidJSON 1.1's SSE2 writer lets 0x1A-0x1F through raw in the 16-byte
// blocks it scans (docs/fuzzing.md, finding 10): every control character, at
// every place in strings long enough to be scanned that way, as a value, a
// key, from a document and pretty-printed.
TEST(JsonBuilder, EscapesEveryControlCharacterWhereverItStands) {
  for (int control = 0; control < 0x20; ++control) {
    for (size_t at = 0; at < 48; ++at) {
      std::string text(48, 'a');
      text[at] = static_cast<char>(control);
      SCOPED_TRACE("byte " + std::to_string(control) + " at " + std::to_string(at));

      JsonBuilder out;
      out.beginObject().field(text, text).endObject();
      ASSERT_FALSE(holdsRawControlByte(out.str()));
      Document doc;
      ASSERT_TRUE(read(out.str(), doc));
      ASSERT_EQ(string(doc, text), text);

      ASSERT_FALSE(holdsRawControlByte(stringify(doc)));
      rapidjson::StringBuffer buffer;
      PrettyTextWriter pretty(buffer);
      doc.Accept(pretty);
      Document again;  // its line breaks are raw, so read back instead
      ASSERT_TRUE(read(std::string(buffer.GetString(), buffer.GetSize()), again));
      ASSERT_EQ(string(again, text), text);
    }
  }
}

}  // namespace
}  // namespace ihp::sdk::json
