// host/app/host_runtime.h - the wired host: storage, services, plugins, job
// workers and the HTTP server, built in start-up order and torn down in
// reverse.
//
// Construction does everything that can fail at start-up (data dir, admin
// token, secret key, database + migrations, binding the port, loading
// plugins) and throws StartupError with the exit code and one line. start()
// begins serving; stop() stops accepting, lets in-flight requests finish
// (bounded), drains the workers and shuts the plugins down.
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "app/host_options.h"

namespace ih::host::app {

class HostRuntime {
 public:
  explicit HostRuntime(const HostOptions& options);
  ~HostRuntime();
  HostRuntime(const HostRuntime&) = delete;
  HostRuntime& operator=(const HostRuntime&) = delete;

  void start();
  void stop();
  // After stop(): plugin calls abandoned at their deadline and still inside
  // plugin code. Tearing the host down under them is unsafe (they may still
  // call host services), so the process should end without destructors.
  int stuckPluginCalls() const;

  // http://ADDR:PORT with the real port.
  std::string listeningUrl() const;

 private:
  struct Parts;
  std::unique_ptr<Parts> parts_;
};

}  // namespace ih::host::app
