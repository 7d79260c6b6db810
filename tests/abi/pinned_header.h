// tests/abi/pinned_header.h - the rule behind the pinned plugin_abi.h hash,
// as a pure function so each branch is testable with made-up inputs.
//
// tests/abi/plugin_abi.h.sha256 holds "<major>.<minor> <sha256>". The header
// may change only together with a version bump recorded in docs/abi.md (a
// "### <major>.<minor>" heading in the change ledger).
#pragma once

#include <string>

namespace ih::test {

struct PinnedHeaderState {
  std::string pinnedLine;      // the .sha256 file's first line
  std::string currentVersion;  // "<IHP_ABI_MAJOR>.<IHP_ABI_MINOR>"
  std::string currentHash;     // sha256 of plugin_abi.h now
  std::string abiDoc;          // docs/abi.md
};

// Empty when consistent; otherwise the message telling the developer what to do.
inline std::string checkPinnedHeader(const PinnedHeaderState& state) {
  const size_t space = state.pinnedLine.find(' ');
  if (space == std::string::npos) return "tests/abi/plugin_abi.h.sha256 must read '<major>.<minor> <sha256>'";
  const std::string pinnedVersion = state.pinnedLine.substr(0, space);
  const std::string pinnedHash = state.pinnedLine.substr(space + 1, 64);
  const bool documented = state.abiDoc.find("\n### " + state.currentVersion + "\n") != std::string::npos ||
                          state.abiDoc.find("\n### " + state.currentVersion + " ") != std::string::npos;
  if (pinnedHash != state.currentHash && pinnedVersion == state.currentVersion)
    return "plugin_abi.h changed without an ABI version bump: bump IHP_ABI_MINOR (additions) or IHP_ABI_MAJOR "
           "(breaks), record it in docs/abi.md, update tests/abi/plugin_abi.h.sha256";
  if (!documented)
    return "ABI version " + state.currentVersion + " has no entry in docs/abi.md: add a '### " +
           state.currentVersion + "' section to its change ledger saying what changed and why";
  if (pinnedHash != state.currentHash || pinnedVersion != state.currentVersion)
    return "ABI version bumped to " + state.currentVersion + ": update tests/abi/plugin_abi.h.sha256 to '" +
           state.currentVersion + " " + state.currentHash + "'";
  return {};
}

}  // namespace ih::test
