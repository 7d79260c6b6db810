// Cassette format v1: round trip, preserved foreign keys, body encodings, hard errors.
#include <gtest/gtest.h>

#include "common/json.h"
#include "fixtures/cassette.h"

namespace ih::mock {
namespace {

TEST(Cassette, RoundTripKeepsInteractionsAndForeignKeys) {
  Cassette cassette;
  cassette.scenario = "demo";
  cassette.jiraVersion = "9.12.0";
  cassette.contextPath = "/jira";
  cassette.extras = {{"steps", R"([{"do":"assign"}])"}, {"expect", R"({"activities":2})"}};
  Interaction interaction;
  interaction.id = 1;
  interaction.request = {"POST", "/jira/rest/api/2/issue", {{"a", "1"}, {"a", "2"}}, {{"content-type", "application/json"}},
                         R"({"fields":{"summary":"x"}})"};
  interaction.response.status = 201;
  interaction.response.body = std::string("\xff\xfe binary", 9);
  interaction.response.delayMs = 5;
  interaction.match.ignoreJsonPaths = {"$.fields.summary"};
  cassette.interactions.push_back(interaction);
  cassette.deliveries.push_back({"jira:issue_updated", "legacy/1", "http://h/<<JWT_1>>", {}, R"({"a":1})"});

  auto text = serializeCassette(cassette);
  EXPECT_NE(text.find("\"encoding\": \"base64\""), std::string::npos);
  EXPECT_NE(text.find("\"encoding\": \"json\""), std::string::npos);
  auto back = parseCassette(text);
  EXPECT_EQ(back.scenario, "demo");
  EXPECT_EQ(back.contextPath, "/jira");
  ASSERT_EQ(back.interactions.size(), 1u);
  EXPECT_EQ(back.interactions[0].request.query, interaction.request.query);
  EXPECT_EQ(back.interactions[0].response.body, interaction.response.body);
  EXPECT_EQ(back.interactions[0].response.delayMs, 5);
  EXPECT_EQ(back.interactions[0].match.ignoreJsonPaths, interaction.match.ignoreJsonPaths);
  EXPECT_EQ(back.deliveries[0].body, R"({"a":1})");
  ASSERT_EQ(back.extras.size(), 2u);
  EXPECT_EQ(back.extras[0].first, "steps");
  EXPECT_EQ(back.extras[1].second, R"({"activities":2})");
  EXPECT_EQ(serializeCassette(back), text);
}

TEST(Cassette, UnknownVersionAndBadShapesAreHardErrors) {
  EXPECT_THROW(parseCassette(R"({"format_version": 2})"), CassetteError);
  EXPECT_THROW(parseCassette(R"({"interactions": []})"), CassetteError);
  EXPECT_THROW(parseCassette(R"({"format_version": 1, "interactions": [{"request": {"path": "/x"}}]})"), CassetteError);
  EXPECT_THROW(parseCassette(R"({"format_version": 1, "interactions": [{"request": {"path": "/x"}, "response": {},
    "match": {"body": "fuzzy"}}]})"), CassetteError);
  // Found by tests/fuzz/fixture_loader_fuzz: an exchange without a method.
  EXPECT_THROW(parseCassette(R"({"format_version": 1, "interactions": [{"request": {"method": "", "path": "/x"},
    "response": {}}]})"), CassetteError);
  try {
    parseCassette(R"({"format_version": 7})", "fixtures/x.json");
    FAIL();
  } catch (const CassetteError& e) {
    EXPECT_NE(std::string(e.what()).find("fixtures/x.json: unsupported format_version 7"), std::string::npos) << e.what();
  }
}

// Found by tests/fuzz/fixture_loader_fuzz: a body nested 60 levels loads, but
// written as JSON inside the file it would sit deeper than the reader allows,
// so the writer threw. It is written as text instead and loads back as is.
TEST(Cassette, ABodyTooDeepToEmbedIsWrittenAsTextAndLoadsBack) {
  const std::string deep = std::string(60, '[') + std::string(60, ']');
  Cassette cassette;
  Interaction interaction;
  interaction.request = {"GET", "/x", {}, {}, ""};
  interaction.response.body = deep;
  cassette.interactions.push_back(interaction);
  cassette.deliveries.push_back({"jira:issue_updated", "1", "http://h/", {}, deep});
  cassette.deliveries.push_back({"jira:issue_updated", "1", "http://h/", {}, R"({"a":[1]})"});

  const std::string text = serializeCassette(cassette);
  const Cassette back = parseCassette(text);
  EXPECT_EQ(back.interactions.at(0).response.body, deep);
  EXPECT_EQ(back.deliveries.at(0).body, deep);
  EXPECT_EQ(back.deliveries.at(1).body, R"({"a":[1]})");  // shallow JSON stays JSON
  EXPECT_EQ(serializeCassette(back), text);
}

}  // namespace
}  // namespace ih::mock
