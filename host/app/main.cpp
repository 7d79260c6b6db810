// host/app/main.cpp - the integration-host executable.
//
// Blocks SIGTERM/SIGINT/SIGQUIT before any thread exists, so every thread
// inherits the mask and only waitForTerminationRequest() receives them
// (otherwise a worker thread could take the signal's default action and the
// process would not exit 0). A bad command line is one line on stderr and
// exit 64.
#include <csignal>
#include <iostream>

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
