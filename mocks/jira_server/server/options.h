// Checks the option combination and normalises values (context path, base URL) before
// anything starts; every problem is one line suitable for stderr.
#pragma once

#include <stdexcept>

#include "server/mock_config.h"

namespace ih::mock {

struct ConfigError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// Throws ConfigError.
void validateConfig(MockConfig& config);
int parsePort(const std::string& text, const std::string& option = "port");
// Fills baseUrl from bind address and port (or the TLS port, with TLS) when
// --base-url was not given.
void resolveBaseUrl(MockConfig& config, int boundPort, int boundTlsPort = 0);

}  // namespace ih::mock
