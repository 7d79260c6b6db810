// The one JSON reader (ihp/sdk/json_reader.hpp): nesting is bounded while
// parsing (64 levels; 200 000 levels is refused, not a stack overflow),
// raw input and decoded strings are strict UTF-8, and the accessors never
// throw on a missing member or another type.
#include <gtest/gtest.h>

#include <string>

#include "ihp/sdk/json.hpp"
#include "support/nested_json.h"

namespace ihp::sdk::json {
namespace {

using ih::testing::nestedJsonArrays;
using ih::testing::nestedJsonObjects;

ReadResult readText(std::string_view text) {
  Document doc;
  return read(text, doc);
}

TEST(JsonReader, ReadsADocument) {
  Document doc;
  ASSERT_TRUE(read(R"({"a":[1,"x",true,null,2.5],"b":{"c":"d"}})", doc));
  ASSERT_TRUE(doc.IsObject());
  EXPECT_EQ(stringify(doc), R"({"a":[1,"x",true,null,2.5],"b":{"c":"d"}})");
}

// The document holds its strings itself (the reader parses a copy of the
// bytes in place, in the document's allocator): the input may go away, or
// change, right after the read, and a document read again keeps no trace of
// the first read.
TEST(JsonReader, ADocumentOwnsItsStringsOnceTheInputIsGone) {
  for (const auto reader : {&read, &readInPlace}) {
    Document doc;
    {
      std::string input = R"({"key":"OPS-1","items":[{"field":"assignee","to":"caf\u00e9 \"b\""}]})";
      ASSERT_TRUE(reader(input, doc));
      input.assign(input.size(), 'x');
    }
    EXPECT_EQ(std::string(doc["key"].GetString()), "OPS-1");
    EXPECT_EQ(std::string(doc["items"][0]["to"].GetString()), "caf\xc3\xa9 \"b\"");
    ASSERT_TRUE(reader(std::string(R"({"key":"OPS-22"})"), doc));
    EXPECT_EQ(stringify(doc), R"({"key":"OPS-22"})");
  }
}

// Parsed in place or not, a document reads the same, and is refused the same.
TEST(JsonReader, ReadingInPlaceReadsAndRefusesAsReadDoes) {
  for (const std::string& text :
       {std::string(R"({"a":[1,"x\n\u00e9",true,null,2.5],"b":{"c":"d"}})"),
        std::string(R"({"long":")") + std::string(40, 'y') + R"(\t"})", std::string("[\"\x1d\"]"),
        std::string("{\"a\":\xff}"), nestedJsonArrays(kMaxDepth + 1), std::string("[1] 2"), std::string("[1e999]")}) {
    Document copied, inPlace;
    const ReadResult byCopy = read(text, copied);
    const ReadResult byPlace = readInPlace(text, inPlace);
    EXPECT_EQ(byPlace.error, byCopy.error) << text.substr(0, 40);
    EXPECT_EQ(byPlace.offset, byCopy.offset) << text.substr(0, 40);
    if (byCopy) {
      EXPECT_EQ(stringify(inPlace), stringify(copied));
    }
  }
}

TEST(JsonReader, AcceptsSixtyFourLevelsAndRefusesSixtyFive) {
  EXPECT_TRUE(readText(nestedJsonArrays(kMaxDepth)));
  EXPECT_TRUE(readText(nestedJsonObjects(kMaxDepth)));
  EXPECT_EQ(readText(nestedJsonArrays(kMaxDepth + 1)).error, ReadError::TooDeep);
  EXPECT_EQ(readText(nestedJsonObjects(kMaxDepth + 1)).error, ReadError::TooDeep);
  // Depth is nesting, not the number of containers: siblings do not add up.
  std::string wide = "[" + nestedJsonArrays(kMaxDepth - 1);
  for (int i = 0; i < 1000; ++i) wide += "," + nestedJsonArrays(kMaxDepth - 1);
  EXPECT_TRUE(readText(wide + "]"));
}

TEST(JsonReader, RefusesHostileNestingWithoutRecursing) {
  // 200 000 levels (200 KB, well under the body limit) overflowed the stack of
  // the recursive parser; the reader stops at level 65.
  for (const std::string& text : {std::string(200000, '['), nestedJsonArrays(200000), nestedJsonObjects(200000)}) {
    ReadResult result = readText(text);
    EXPECT_EQ(result.error, ReadError::TooDeep);
    EXPECT_LT(result.offset, 400u) << "stops where the limit is crossed";
    EXPECT_EQ(result.reason(), "nested deeper than 64 levels");
  }
}

TEST(JsonReader, ARefusedDocumentLeavesNull) {
  Document doc;
  ASSERT_TRUE(read(R"({"kept":1})", doc));
  EXPECT_FALSE(read(nestedJsonArrays(100), doc));
  EXPECT_TRUE(doc.IsNull());
}

TEST(JsonReader, RefusesInvalidUtf8InTheInput) {
  for (const char* bad : {
           "\"\xff\"",              // never valid
           "\"\xc3\"",              // truncated sequence
           "\"\xc0\xaf\"",          // overlong '/'
           "\"\xe0\x80\xaf\"",      // overlong, three bytes
           "\"\xf0\x80\x80\xaf\"",  // overlong, four bytes
           "\"\xed\xa0\x80\"",      // UTF-16 surrogate D800 encoded in UTF-8
           "\"\xed\xbf\xbf\"",      // surrogate DFFF
           "\"\xf4\x90\x80\x80\"",  // above U+10FFFF
           "{\"\xff\":1}",          // in a key
       }) {
    ReadResult result = readText(bad);
    EXPECT_EQ(result.error, ReadError::Encoding) << result.reason();
  }
}

TEST(JsonReader, RefusesEscapesThatDecodeToInvalidUtf8) {
  // A lone low surrogate escape decodes to ED B0 80 in RapidJSON 1.1: not UTF-8.
  EXPECT_EQ(readText(R"(["ok","\udc00"])").error, ReadError::Encoding);
  EXPECT_EQ(readText(R"({"\udfff":1})").error, ReadError::Encoding);
  // A lone high surrogate is a syntax error already.
  EXPECT_EQ(readText(R"("\ud800")").error, ReadError::Syntax);
  EXPECT_EQ(readText(R"("\ud800x")").error, ReadError::Syntax);
}

TEST(JsonReader, KeepsValidUtf8AndEscapes) {
  Document doc;
  ASSERT_TRUE(read("[\"h\xc3\xa9\", \"\\u00e9\", \"\\ud83d\\ude00\", \"\xf0\x9f\x98\x80\", \"a\\u0000b\"]", doc));
  EXPECT_EQ(std::string(doc[0].GetString()), "h\xc3\xa9");
  EXPECT_EQ(std::string(doc[1].GetString()), "\xc3\xa9");
  EXPECT_EQ(std::string(doc[2].GetString()), "\xf0\x9f\x98\x80");
  EXPECT_EQ(std::string(doc[3].GetString()), "\xf0\x9f\x98\x80");
  EXPECT_EQ(std::string(doc[4].GetString(), doc[4].GetStringLength()), std::string("a\0b", 3));
}

// RapidJSON reads a number beyond double's range as infinity, which no writer
// can write back: the host would store or answer broken JSON. Found by
// tests/fuzz/json_reader_fuzz ("5e0308").
TEST(JsonReader, NumbersBeyondDoublesRangeAreRefused) {
  for (const char* text : {"5e0308", "[1,-5e308]", R"({"n":1e400})"}) {
    const ReadResult result = readText(text);
    EXPECT_EQ(result.error, ReadError::Syntax) << text;
    EXPECT_EQ(result.syntax, rapidjson::kParseErrorNumberTooBig) << text;
    EXPECT_EQ(result.reason().rfind("Number too big to be stored in double", 0), 0u) << result.reason();
  }
  EXPECT_TRUE(readText("1.7e308").ok());
}

TEST(JsonReader, SyntaxErrorsSayWhereAndWhy) {
  ReadResult missing = readText("[1,2");
  EXPECT_EQ(missing.error, ReadError::Syntax);
  EXPECT_EQ(missing.reason(), "Missing a comma or ']' after an array element (at byte 4)");
  EXPECT_EQ(readText("").error, ReadError::Syntax);
  EXPECT_EQ(readText("{} {}").error, ReadError::Syntax);
  EXPECT_EQ(readText("NaN").error, ReadError::Syntax);
  EXPECT_EQ(readText(std::string_view("[1]\0", 4)).error, ReadError::Syntax) << "a NUL after the document";
  EXPECT_EQ(readText(std::string_view("[1]\0{\"x\":2}", 11)).error, ReadError::Syntax) << "nothing hides behind a NUL";
  EXPECT_TRUE(readText(" \t[1] \r\n")) << "whitespace around the document is fine";
  EXPECT_FALSE(readText("{\"a\":1,}"));
}

// On x86-64 the parser skips whitespace and copies string runs in aligned
// 16-byte blocks (RAPIDJSON_SSE2). Every length of string and of whitespace
// around those blocks, with the end of the input at every alignment, reads
// exactly; an escape at any position of a block is decoded, and a raw
// control byte or NUL there is refused where it stands.
TEST(JsonReader, StringsAndWhitespaceReadExactlyAcrossSixteenByteBlocks) {
  for (size_t lead = 0; lead < 16; ++lead) {
    for (size_t length = 0; length <= 40; ++length) {
      std::string text(length, 'x');
      for (size_t i = 0; i < length; ++i) text[i] = static_cast<char>('a' + (i + lead) % 26);
      const std::string json = std::string(lead, ' ') + "[\"" + text + "\"" + std::string(length % 19, '\n') + "]";
      Document doc;
      ASSERT_TRUE(read(json, doc)) << "lead " << lead << ", length " << length;
      EXPECT_EQ(std::string(doc[0].GetString(), doc[0].GetStringLength()), text);

      for (size_t at = 0; at < length; ++at) {
        std::string escaped = text;
        escaped.replace(at, 1, "\\n");
        std::string decoded = text;
        decoded[at] = '\n';
        ASSERT_TRUE(read(std::string(lead, ' ') + "[\"" + escaped + "\"]", doc)) << "escape at " << at;
        EXPECT_EQ(std::string(doc[0].GetString(), doc[0].GetStringLength()), decoded) << "escape at " << at;

        // RapidJSON 1.1's SIMD scan alone would let 0x1A-0x1F through (docs/fuzzing.md, finding 9).
        for (const char control : {'\0', '\x01', '\t', '\n', '\x19', '\x1a', '\x1e', '\x1f'}) {
          std::string raw = text;
          raw[at] = control;
          const ReadResult refused = readText(std::string(lead, ' ') + "[\"" + raw + "\"]");
          EXPECT_EQ(refused.error, ReadError::Syntax) << "raw byte " << int(control) << " at " << at;
          EXPECT_EQ(refused.offset, lead + 2 + at) << "raw byte " << int(control) << " at " << at;
        }
      }
    }
  }
}

TEST(JsonReader, RawControlBytesAreRefusedOutsideStringsToo) {
  for (const char control : {'\x01', '\x19', '\x1a', '\x1f'}) {
    const std::string text = std::string("{\"a\":") + control + "1}";
    EXPECT_EQ(readText(text).error, ReadError::Syntax) << int(control);
  }
  EXPECT_TRUE(readText("{\"a\":\t\r\n1}")) << "tab, CR and LF are whitespace";
  EXPECT_TRUE(readText(R"(["\u001a\u001f"])")) << "escaped, they are characters like any other";
}

TEST(JsonReader, ParseObjectWantsAnObject) {
  Document doc;
  EXPECT_TRUE(parseObject("{}", doc));
  EXPECT_FALSE(parseObject("[]", doc));
  EXPECT_FALSE(parseObject("{", doc));
}

TEST(JsonAccessors, NeverThrowOnMissingOrMistypedMembers) {
  Document doc;
  ASSERT_TRUE(parse(R"({"s":"x","n":7,"b":true,"id":10000,"ids":["1",2,"3"],"z":null,"e":""})", doc));
  EXPECT_EQ(string(doc, "s"), "x");
  EXPECT_EQ(string(doc, "n"), std::nullopt);
  EXPECT_EQ(stringOr(doc, "missing", "fallback"), "fallback");
  EXPECT_EQ(int64(doc, "n"), 7);
  EXPECT_EQ(int64(doc, "s"), std::nullopt);
  EXPECT_EQ(boolean(doc, "b"), true);
  EXPECT_EQ(scalarText(doc, "id"), "10000");
  EXPECT_EQ(scalarText(doc, "s"), "x");
  EXPECT_EQ(scalarText(doc, "b"), std::nullopt);
  EXPECT_EQ(stringArray(doc, "ids"), (std::vector<std::string>{"1", "3"}));
  EXPECT_TRUE(stringArray(doc, "s").empty());
  EXPECT_FALSE(truthy(doc, "z"));
  EXPECT_FALSE(truthy(doc, "e"));
  EXPECT_TRUE(truthy(doc, "n"));
  EXPECT_EQ(member(doc["s"], "x"), nullptr) << "a member of a non-object is absent";
}

}  // namespace
}  // namespace ihp::sdk::json
