// The shallow merge used for org link config and integration metadata.
#include "common/json_merge.h"

#include <gtest/gtest.h>

#include "common/errors.h"
#include "ihp/sdk/json.hpp"

namespace ih::host {
namespace {

namespace json = ihp::sdk::json;

TEST(JsonMergeTest, PatchKeysReplaceStoredKeysOthersStay) {
  const std::string merged =
      shallowMergeJson(R"({"a":1,"nested":{"x":1,"y":2},"keep":"yes"})", R"({"a":2,"nested":{"x":9},"new":[1]})");
  json::Document doc;
  ASSERT_TRUE(json::parseObject(merged, doc));
  EXPECT_EQ(*json::int64(doc, "a"), 2);
  EXPECT_EQ(json::stringOr(doc, "keep"), "yes");
  // shallow: the nested object is replaced, not merged
  EXPECT_EQ(json::stringify(*json::member(doc, "nested")), R"({"x":9})");
  EXPECT_EQ(json::stringify(*json::member(doc, "new")), "[1]");
}

TEST(JsonMergeTest, UnparsableStoredDocumentCountsAsEmpty) {
  EXPECT_EQ(shallowMergeJson("", R"({"a":true})"), R"({"a":true})");
  EXPECT_EQ(shallowMergeJson("[1,2]", R"({"a":true})"), R"({"a":true})");
}

TEST(JsonMergeTest, PatchMustBeAnObject) {
  EXPECT_THROW(shallowMergeJson("{}", "[1]"), BadRequestError);
  EXPECT_THROW(shallowMergeJson("{}", "not json"), BadRequestError);
  EXPECT_TRUE(isJsonObject(R"({"a":1})"));
  EXPECT_FALSE(isJsonObject("1"));
}

}  // namespace
}  // namespace ih::host
