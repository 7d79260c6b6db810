// Parsing a realistic ~6 KB `jira:issue_updated` delivery: RapidJSON's DOM
// parse alone (the baseline), the project's JSON reader (ihp::sdk::json::read:
// iterative, depth-limited, UTF-8 validated; what the product runs), and the
// plugin's parseIssuePayload (webhook/issue_event.h), which reads and then
// pulls out key, watermark time and changelog. Every accepted delivery pays
// the last once.
#include <benchmark/benchmark.h>

#include <rapidjson/document.h>

#include "ihp/sdk/json_builder.hpp"
#include "ihp/sdk/json_reader.hpp"
#include "payloads/jira_payload.h"
#include "webhook/issue_event.h"

namespace {

std::string samplePayload() { return ih::bench::sampleAssigneeChangePayload(); }

void rapidJsonParse(benchmark::State& state) {
  const std::string payload = samplePayload();
  for (auto _ : state) {
    rapidjson::Document doc;
    doc.Parse(payload.data(), payload.size());
    if (doc.HasParseError()) state.SkipWithError("the sample payload does not parse");
    benchmark::DoNotOptimize(doc);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * payload.size()));
  state.counters["payloadBytes"] = static_cast<double>(payload.size());
}
BENCHMARK(rapidJsonParse);

void guardedJsonRead(benchmark::State& state) {
  const std::string payload = samplePayload();
  for (auto _ : state) {
    ihp::sdk::json::Document doc;
    if (!ihp::sdk::json::read(payload, doc)) state.SkipWithError("the sample payload does not parse");
    benchmark::DoNotOptimize(doc);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * payload.size()));
}
BENCHMARK(guardedJsonRead);

void parseIssuePayload(benchmark::State& state) {
  const std::string payload = samplePayload();
  for (auto _ : state) {
    ih::jira::ParsedPayload parsed = ih::jira::parseIssuePayload(payload);
    if (parsed.kind != ih::jira::ParsedPayload::Kind::Event || !parsed.event.assignee) {
      state.SkipWithError("the sample payload is not an assignee event");
    }
    benchmark::DoNotOptimize(parsed);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * payload.size()));
}
BENCHMARK(parseIssuePayload);

// Writing the delivery back out (what the host does with every document it
// stores or serves): the JSON writer of ihp/sdk/json_builder.hpp.
void stringifyIssuePayload(benchmark::State& state) {
  ihp::sdk::json::Document doc;
  if (!ihp::sdk::json::read(samplePayload(), doc)) state.SkipWithError("the sample payload does not parse");
  for (auto _ : state) {
    std::string text = ihp::sdk::json::stringify(doc);
    benchmark::DoNotOptimize(text);
  }
}
BENCHMARK(stringifyIssuePayload);

}  // namespace
