// host/common/thread_name.h - names the calling thread, as `top -H`,
// `ps -L`, perf and gdb show it, so an operator can tell which of the
// host's threads takes the CPU (the HTTP loops, the inbox writer, an
// applier) without a debugger.
#pragma once

namespace ih::host {

// `name` is at most 15 characters (the kernel's limit); longer is cut.
void nameThisThread(const char* name) noexcept;

}  // namespace ih::host
