// Fuzz target: the fixture loader (mocks/jira_server/fixtures/cassette.h), the
// reader of every fixtures/jira_server/*.json that mock-jira serves to the
// replay suite, and its writer (the recorder's). Any bytes: no crash and no
// exception but CassetteError. A loaded fixture keeps the loader's promises:
// every exchange has a method and a path, a known match rule and no fault but
// connection_reset. What the writer writes loads again to the same exchanges
// and deliveries (a JSON body may lose its spacing: it is stored as JSON), and
// writing that again gives the same text, unless it holds a double (read
// within one ulp, json_doubles.h).
#include <cstddef>
#include <cstdint>
#include <set>
#include <string>
#include <string_view>

#include "common/json.h"
#include "fixtures/cassette.h"
#include "fuzz_check.h"
#include "json_doubles.h"

namespace {

using namespace ih::mock;

bool keepsItsPromises(const Cassette& cassette) {
  static const std::set<std::string> kRules = {"", "exact", "json", "json_subset", "ignore"};
  for (const auto& interaction : cassette.interactions) {
    if (interaction.request.method.empty() || interaction.request.path.empty()) return false;
    if (kRules.count(interaction.match.body) == 0) return false;
    if (interaction.response.fault && *interaction.response.fault != "connection_reset") return false;
  }
  return cassette.formatVersion == kCassetteFormatVersion;
}

// Bytes that are not JSON are kept as they are; JSON is kept as JSON.
bool sameBody(const std::string& loaded, const std::string& reloaded) {
  return looksLikeJson(loaded) ? looksLikeJson(reloaded) : loaded == reloaded;
}

bool sameExchanges(const Cassette& a, const Cassette& b) {
  if (a.interactions.size() != b.interactions.size() || a.deliveries.size() != b.deliveries.size()) return false;
  for (size_t i = 0; i < a.interactions.size(); ++i) {
    const Interaction& x = a.interactions[i];
    const Interaction& y = b.interactions[i];
    if (x.id != y.id || x.request.method != y.request.method || x.request.path != y.request.path ||
        x.request.query != y.request.query || x.request.headers != y.request.headers ||
        !sameBody(x.request.body, y.request.body) || x.response.status != y.response.status ||
        x.response.headers != y.response.headers || !sameBody(x.response.body, y.response.body) ||
        x.response.delayMs != y.response.delayMs || x.response.fault != y.response.fault ||
        x.match.body != y.match.body || x.match.ignoreJsonPaths != y.match.ignoreJsonPaths ||
        x.match.headers != y.match.headers || x.optional != y.optional) {
      return false;
    }
  }
  for (size_t i = 0; i < a.deliveries.size(); ++i) {
    const RecordedDelivery& x = a.deliveries[i];
    const RecordedDelivery& y = b.deliveries[i];
    if (x.event != y.event || x.webhookId != y.webhookId || x.url != y.url || x.headers != y.headers ||
        !sameBody(x.body, y.body)) {
      return false;
    }
  }
  return a.scenario == b.scenario && a.recordedWith == b.recordedWith && a.recordedAt == b.recordedAt &&
         a.jiraVersion == b.jiraVersion && a.contextPath == b.contextPath && a.extras.size() == b.extras.size();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  Cassette loaded;
  try {
    loaded = parseCassette(text, "fuzz-input");
  } catch (const CassetteError&) {
    return 0;  // refused with the file's name and the problem: fine
  }
  FUZZ_CHECK(keepsItsPromises(loaded));

  const std::string written = serializeCassette(loaded);
  Cassette reloaded;
  try {
    reloaded = parseCassette(written, "rewritten");
  } catch (const CassetteError& e) {
    std::fprintf(stderr, "the writer's output does not load: %s\n", e.what());
    FUZZ_CHECK(false);
  }
  FUZZ_CHECK(sameExchanges(loaded, reloaded));
  ihp::sdk::json::Document writtenDoc;
  const bool exactNumbers = ihp::sdk::json::parse(written, writtenDoc) && !holdsDouble(writtenDoc);
  if (exactNumbers) FUZZ_CHECK(serializeCassette(reloaded) == written);
  return 0;
}
