// Broken on purpose: a C++ plugin WITHOUT the SDK barrier whose entry throws
// across the C ABI. The host must catch it (defence in depth) and skip it.
#include <stdexcept>

#include "ihp/plugin_abi.h"

extern "C" IHP_EXPORT ihp_status ihp_plugin_entry(ihp_entry_args*) {
  throw std::runtime_error("entry_throws: thrown across the C ABI");
}
