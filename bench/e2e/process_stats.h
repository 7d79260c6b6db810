// bench/e2e/process_stats.h - what the kernel counts for a process, read from
// /proc so the measured processes (host, mock-jira) run unmodified: resident
// memory (VmRSS now, VmHWM the peak) and CPU time used (user + system), which
// tells where the machine's two cores went during a load.
#pragma once

#include <sys/types.h>

namespace ih::bench {

struct MemorySample {
  long rssKb = 0;
  long peakRssKb = 0;
};

// Both throw std::runtime_error when the process is gone.
MemorySample readProcessMemory(pid_t pid);
double readProcessCpuSeconds(pid_t pid);

}  // namespace ih::bench
