// Composition root of mock-jira: builds the model, OAuth provider, webhook delivery,
// REST and control routers, journal, faults and the optional recorder, replayer or proxy
// from a resolved MockConfig, and tears them down in order.
#pragma once

#include <memory>
#include <optional>

#include "fixtures/cassette.h"
#include "server/dispatcher.h"
#include "server/mock_config.h"

namespace ih::mock {

class MockRuntime {
 public:
  // config.baseUrl must be resolved. Throws on an unreadable seed or upstream key.
  MockRuntime(MockConfig config, std::optional<Cassette> replayCassette);
  ~MockRuntime();

  Dispatcher& dispatcher();
  // Stops webhook delivery and writes the recording; returns the process exit code
  // (3 when a replay left interactions unmatched or unused).
  int shutdown();

 private:
  struct Parts;
  std::unique_ptr<Parts> parts_;
};

}  // namespace ih::mock
