// host/plugins/versioned_struct.h - the host's copy of a struct that a plugin
// sized with struct_size (plugin_abi.h, rule 3).
//
// Why the later members are named: struct_size can end inside a member (a
// plugin that miscounts, or a hostile one), and a copy of struct_size bytes
// would then hold part of that member - the low half of a function pointer
// the host would call, a string's pointer without its length. So every
// member added after the struct's minimum layout that the host reads is
// named here, and kept only when the struct holds it whole (IHP_HAS_MEMBER);
// otherwise it reads as zero, which the ABI defines as "absent".
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstring>

namespace ih::host::plugins {

// `raw.struct_size` must already be checked against the minimum layout.
template <class T, class... Member>
T copyVersioned(const T& raw, Member T::*... laterMembers) {
  const size_t size = raw.struct_size;
  T copy{};
  std::memcpy(static_cast<void*>(&copy), static_cast<const void*>(&raw), std::min(size, sizeof(T)));
  [[maybe_unused]] const auto keepIfWhole = [&copy, size](auto T::*member) {
    const auto* start = reinterpret_cast<const char*>(&copy);
    const auto* field = reinterpret_cast<const char*>(&(copy.*member));
    if (static_cast<size_t>(field - start) + sizeof(copy.*member) > size) copy.*member = {};
  };
  (keepIfWhole(laterMembers), ...);
  return copy;
}

}  // namespace ih::host::plugins
