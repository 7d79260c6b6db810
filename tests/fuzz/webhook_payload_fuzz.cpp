// Fuzz target: the Jira webhook payload parser (the plugin's
// webhook/issue_event.h), which reads bodies a valid token lets through.
// Any bytes: no crash, a classified result, and an event only with a key.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz_check.h"
#include "webhook/issue_event.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace ih::jira;
  const std::string_view body(reinterpret_cast<const char*>(data), size);
  const ParsedPayload parsed = parseIssuePayload(body);
  if (parsed.kind == ParsedPayload::Kind::Event) {
    FUZZ_CHECK(!parsed.event.issueKey.empty());
    FUZZ_CHECK(parsed.event.latestStatedTimeMs >= parsed.event.eventTimeMs);
  }
  return 0;
}
