// host/app/file_limit.h - the process's open-file limit, raised at start-up
// as far as the hard limit allows, because every HTTP connection is a file
// descriptor and Debian's default soft limit (1024) is below what the host
// is meant to hold open (--max-connections).
#pragma once

namespace ih::host::app {

// Raises the soft RLIMIT_NOFILE towards `wanted` (never past the hard limit)
// and answers the soft limit now in effect.
long raiseOpenFileLimit(long wanted);

}  // namespace ih::host::app
