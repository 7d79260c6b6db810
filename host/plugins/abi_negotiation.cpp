// host/plugins/abi_negotiation.cpp - see abi_negotiation.h.
#include "plugins/abi_negotiation.h"

#include "ihp/sdk/result.hpp"

namespace ih::host::plugins {

namespace {

std::string version(uint32_t major, uint32_t minor) { return std::to_string(major) + "." + std::to_string(minor); }

}  // namespace

Negotiation negotiateVersion(HostAbiVersion host, PluginVersionReport plugin) {
  Negotiation result;
  if (plugin.major != host.major) {
    std::string age = plugin.major < host.major ? " (too old)" : "";
    result.reason = "built for ABI major " + std::to_string(plugin.major) + age + "; host supports " +
                    std::to_string(host.major);
    return result;
  }
  if (plugin.minMinor > host.minor) {
    result.reason = "requires ABI " + version(plugin.major, plugin.minMinor) + " or newer; host implements " +
                    version(host.major, host.minor);
    return result;
  }
  if (plugin.negotiatedMinor > host.minor || plugin.negotiatedMinor < plugin.minMinor) {
    result.reason = "negotiated ABI minor " + std::to_string(plugin.negotiatedMinor) + " is outside [" +
                    std::to_string(plugin.minMinor) + ", " + std::to_string(host.minor) +
                    "] (plugin minimum, host minor)";
    return result;
  }
  result.compatible = true;
  result.minor = plugin.negotiatedMinor;
  return result;
}

ihp_fingerprint hostFingerprint(HostAbiVersion host) {
  ihp_fingerprint fingerprint = IHP_FINGERPRINT_INIT;
  fingerprint.abi_major = host.major;
  return fingerprint;
}

std::string compareFingerprints(const ihp_fingerprint& plugin, const ihp_fingerprint& host) {
  std::string differences;
  auto compare = [&](const char* field, uint32_t mine, uint32_t theirs) {
    if (mine == theirs) return;
    if (!differences.empty()) differences += "; ";
    differences += std::string(field) + " plugin " + std::to_string(theirs) + ", host " + std::to_string(mine);
  };
  compare("struct_size", host.struct_size, plugin.struct_size);
  compare("abi_major", host.abi_major, plugin.abi_major);
  compare("pointer_size", host.pointer_size, plugin.pointer_size);
  compare("size_t_size", host.size_t_size, plugin.size_t_size);
  compare("byte_order", host.byte_order, plugin.byte_order);
  return differences.empty() ? differences : "fingerprint mismatch: " + differences;
}

std::string statusText(ihp_status status) {
  std::string name = ihp::sdk::statusName(status);
  if (name == "unknown") name += "(" + std::to_string(status) + ")";
  return name;
}

}  // namespace ih::host::plugins
