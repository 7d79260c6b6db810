// host/app/main.cpp - the integration-host executable.
//
// Blocks SIGTERM/SIGINT/SIGQUIT before any thread exists, so every thread
// inherits the mask and only waitForTerminationRequest() receives them
// (otherwise a worker thread could take the signal's default action and the
// process would not exit 0). A bad command line is one line on stderr and
// exit 64.
#include <malloc.h>

#include <algorithm>
#include <csignal>
#include <cstdlib>
#include <iostream>
#include <thread>

#include <Poco/Exception.h>

#include "app/host_application.h"
#include "app/startup_error.h"

int main(int argc, char** argv) {
  sigset_t termination;
  sigemptyset(&termination);
  sigaddset(&termination, SIGTERM);
  sigaddset(&termination, SIGINT);
  sigaddset(&termination, SIGQUIT);
  pthread_sigmask(SIG_BLOCK, &termination, nullptr);
  std::signal(SIGPIPE, SIG_IGN);  // a client that hangs up must not kill the host
  // glibc gives an arena's free top back to the kernel (madvise) once it
  // passes 128 KiB, and a request's transient buffers pass it: a webhook
  // then paid a madvise, page faults and TLB shoot-downs across the HTTP
  // threads (profile in docs/benchmarks.md). A few MiB kept per arena cost
  // little RSS; blocks above 1 MiB still come from mmap and go back at free.
  mallopt(M_TRIM_THRESHOLD, 4 * 1024 * 1024);
  mallopt(M_MMAP_THRESHOLD, 1024 * 1024);
  // glibc gives each thread that allocates its own arena, up to 8 per core;
  // the host's loops, the helpers a slow plugin call starts and the job
  // workers reach that cap, and each arena keeps up to the trim threshold
  // above plus its fragments (docs/benchmarks.md, "RSS": +16 MB after
  // assignee bursts). Only one thread per core runs at a time, so one arena
  // per core is enough to keep them from waiting on each other's. glibc's
  // own MALLOC_ARENA_MAX, when set, wins (a host that prefers speed to RSS).
  if (std::getenv("MALLOC_ARENA_MAX") == nullptr) {
    mallopt(M_ARENA_MAX, static_cast<int>(std::max(2U, std::thread::hardware_concurrency())));
  }

  ih::host::app::HostApplication app;
  try {
    app.init(argc, argv);
  } catch (const Poco::Exception& e) {
    std::cerr << "integration-host: " << e.displayText() << " (see --help)" << std::endl;
    return ih::host::app::kExitUsage;
  }
  // Through the base: ServerApplication::run() is protected, Application::run() is not.
  return static_cast<Poco::Util::Application&>(app).run();
}
