// The one date-time codec (ihp/sdk/timestamp.hpp): Jira's format with its
// offset honoured, strict refusal of what would need guessing, and
// formatting both suffixes through the same calendar arithmetic.
#include <gtest/gtest.h>

#include "ihp/sdk/timestamp.hpp"

namespace ihp::sdk::timestamp {
namespace {

TEST(Timestamp, ParsesJiraFormatWithOffsetWithoutColon) {
  EXPECT_EQ(parseMs("2024-06-10T09:13:20.123+0000"), 1718010800123);
  EXPECT_EQ(parseMs("2024-06-10T11:13:20.123+0200"), 1718010800123);
  EXPECT_EQ(parseMs("2024-06-10T04:13:20.123-0500"), 1718010800123);
  EXPECT_EQ(parseMs("2024-06-10T09:13:20.123+00:00"), 1718010800123);
  EXPECT_EQ(parseMs("2024-06-10T10:13:20.123+01"), 1718010800123);
  EXPECT_EQ(parseMs("2024-06-10T09:13:20Z"), 1718010800000);
  EXPECT_EQ(parseMs("2024-06-10T09:13:20"), 1718010800000) << "no offset means UTC";
  EXPECT_EQ(parseMs("2024-06-10T09:13:20.1234567+0000"), 1718010800123);
  EXPECT_EQ(parseMs("2024-06-10T09:13:20.1+0000"), 1718010800100);
  EXPECT_EQ(parseMs("1970-01-01T00:00:00.000+0000"), 0);
  EXPECT_EQ(parseMs("2024-02-29T00:00:00.000+0000"), 1709164800000);
  EXPECT_EQ(parseMs("1969-12-31T23:59:59.999+0000"), -1);
}

TEST(Timestamp, RejectsMalformedTimes) {
  for (const char* bad : {"", "yesterday", "2024-06-10", "2024-06-10 09:13:20", "2024-13-10T09:13:20.123+0000",
                          "2023-02-29T00:00:00+0000", "2024-06-10T25:13:20+0000", "2024-06-10T09:13:20.+0000",
                          "2024-06-10T09:13:20.123+0", "2024-06-10T09:13:20.123+0000x", "2024-06-10T09:60:00Z",
                          "2024-06-10T09:13:20+2400", "+2024-06-10T09:13:20Z", "2024-6-10T09:13:20Z",
                          "2024-06-00T09:13:20Z"}) {
    EXPECT_FALSE(parseMs(bad)) << bad;
  }
}

TEST(Timestamp, FormatsJiraAndApiStyles) {
  EXPECT_EQ(formatMs(0, UtcSuffix::NumericOffset), "1970-01-01T00:00:00.000+0000");
  EXPECT_EQ(formatMs(0, UtcSuffix::Z), "1970-01-01T00:00:00.000Z");
  EXPECT_EQ(formatMs(1700000000123, UtcSuffix::Z), "2023-11-14T22:13:20.123Z");
  EXPECT_EQ(formatMs(1709164800000, UtcSuffix::NumericOffset), "2024-02-29T00:00:00.000+0000");
  EXPECT_EQ(formatMs(-1, UtcSuffix::Z), "1969-12-31T23:59:59.999Z");
  EXPECT_EQ(formatMs(253402300799999, UtcSuffix::Z), "9999-12-31T23:59:59.999Z");
}

TEST(Timestamp, WhatItFormatsParsesBack) {
  for (int64_t ms : {int64_t{0}, int64_t{-86400001}, int64_t{951782400000}, int64_t{1718010800123},
                     int64_t{4102444799999}}) {
    EXPECT_EQ(parseMs(formatMs(ms, UtcSuffix::NumericOffset)), ms);
    EXPECT_EQ(parseMs(formatMs(ms, UtcSuffix::Z)), ms);
  }
}

}  // namespace
}  // namespace ihp::sdk::timestamp
