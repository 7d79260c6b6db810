// tests/replay/fixture_writer.h - turns a recording into the fixture file: the
// scenario's suite keys (suite_format, description, seed without consumers or PATs,
// steps) followed by the cassette mock-jira recorded. The host's URL of the recording run becomes the
// placeholder <<HOST_URL>>, which replay binds to the URL the host registers in its
// webhook, so recorded deliveries go to the replaying host.
#pragma once

#include <string>

#include "scenario.h"

namespace ih::replay {

inline constexpr const char* kHostUrlPlaceholder = "<<HOST_URL>>";

// Throws std::runtime_error when the cassette is not JSON.
std::string composeFixture(const Scenario& source, const std::string& cassetteText, const std::string& hostUrl);

}  // namespace ih::replay
