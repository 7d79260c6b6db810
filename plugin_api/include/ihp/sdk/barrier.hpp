// ihp/sdk/barrier.hpp - the fail-closed exception barrier around every export.
//
// No exception may cross the C ABI (rule 7 of plugin_abi.h). failClosed runs a
// hook body, and if it throws anything, logs the hook name and the message
// through the host, and returns IHP_E_INTERNAL instead. Modelled on Envoy's
// dynamic-module SDK barrier.
#pragma once

#include <exception>
#include <string>

#include "ihp/sdk/strings.hpp"

namespace ihp::sdk {

template <class Body>
ihp_status failClosed(const ihp_host_api* api, ihp_host_ctx* ctx, const char* hook, Body&& body) noexcept {
  auto report = [&](const char* what) noexcept {
    if (api == nullptr) return;
    try {
      std::string message = std::string("plugin hook ") + hook + " threw: " + what;
      api->log(ctx, IHP_LOG_ERROR, str(message));
    } catch (...) {
      api->log(ctx, IHP_LOG_ERROR, str("plugin hook threw (and the report could not be built)"));
    }
  };
  try {
    return body();
  } catch (const std::exception& e) {
    report(e.what());
  } catch (...) {
    report("a non-standard exception");
  }
  return IHP_E_INTERNAL;
}

}  // namespace ihp::sdk
