// host/plugins/abi_negotiation.h - the pure rules that decide whether a
// plugin may run on this host: interface-version negotiation (Vulkan-style)
// and the build fingerprint (compared field by field, PostgreSQL-style).
//
// No I/O and no state, so every combination is unit-testable (see
// tests/abi/version_matrix_test.cpp). Each refusal carries the precise,
// human-readable reason the loader logs.
#pragma once

#include <cstdint>
#include <string>

#include "ihp/plugin_abi.h"

namespace ih::host::plugins {

// The ABI version a host implements (tests load plugins with other values).
struct HostAbiVersion {
  uint32_t major = IHP_ABI_MAJOR;
  uint32_t minor = IHP_ABI_MINOR;
};

// What a plugin's entry wrote into ihp_entry_args.
struct PluginVersionReport {
  uint32_t major = 0;
  uint32_t minMinor = 0;
  uint32_t negotiatedMinor = 0;
};

struct Negotiation {
  bool compatible = false;
  uint32_t minor = 0;  // the minor both sides speak, when compatible
  std::string reason;  // why not, when incompatible
};

// The rule: same major; the plugin's minimum minor <= the host's minor; the
// negotiated minor lies in [plugin minimum, host minor] (a well-behaved plugin
// reports min(host minor, its own IHP_ABI_MINOR), which always does).
Negotiation negotiateVersion(HostAbiVersion host, PluginVersionReport plugin);

// The fingerprint the host hands to plugins (abi_major = the host's major).
ihp_fingerprint hostFingerprint(HostAbiVersion host);

// Empty when equal; otherwise "fingerprint mismatch: pointer_size plugin 4,
// host 8" (every differing field, separated by "; ").
std::string compareFingerprints(const ihp_fingerprint& plugin, const ihp_fingerprint& host);

// "ok", "retry", ... ; "unknown(<n>)" for values outside the ABI.
std::string statusText(ihp_status status);

}  // namespace ih::host::plugins
