// host/app/host_application.h - the integration-host process: a Poco
// ServerApplication that parses the command line (every option also
// settable in a --config properties/INI file), configures logging, runs the
// HostRuntime, prints "listening on http://ADDR:PORT" when it serves, and
// stops cleanly on SIGTERM/SIGINT.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include <Poco/Util/ServerApplication.h>

namespace ih::host::app {

class HostApplication final : public Poco::Util::ServerApplication {
 protected:
  void defineOptions(Poco::Util::OptionSet& options) override;
  void handleOption(const std::string& name, const std::string& value) override;
  int main(const std::vector<std::string>& args) override;

 private:
  void printHelp();
  // The command line's value for `name`, else the config file's.
  std::optional<std::string> lookup(const std::string& name) const;
  void loadConfigFile();

  std::map<std::string, std::string> commandLine_;
  std::optional<std::string> configFile_;
  Poco::AutoPtr<Poco::Util::AbstractConfiguration> fileConfig_;
  bool helpRequested_ = false;
};

}  // namespace ih::host::app
