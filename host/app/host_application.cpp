#include "app/host_application.h"

#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <thread>

#include <Poco/Path.h>
#include <Poco/Util/HelpFormatter.h>
#include <Poco/Util/IniFileConfiguration.h>
#include <Poco/Util/Option.h>
#include <Poco/Util/OptionSet.h>
#include <Poco/Util/PropertyFileConfiguration.h>

#include "app/host_options.h"
#include "app/host_runtime.h"
#include "app/startup_error.h"
#include "ops/access_log.h"
#include "ops/logging.h"

namespace ih::host::app {

namespace {

void fail(const std::string& message) { std::cerr << "integration-host: " << message << std::endl; }

}  // namespace

void HostApplication::defineOptions(Poco::Util::OptionSet& options) {
  // Not ServerApplication::defineOptions: its --daemon/--pidfile/--umask need
  // run(argc, argv), which main.cpp does not use (it maps errors to exit codes).
  Application::defineOptions(options);
  options.addOption(Poco::Util::Option("help", "h", "print this help and exit").required(false).repeatable(false));
  options.addOption(Poco::Util::Option("config", "", "read options from FILE (.properties or .ini); the command line wins")
                        .required(false)
                        .repeatable(false)
                        .argument("FILE"));
  for (const OptionSpec& spec : hostOptionSpecs()) {
    options.addOption(Poco::Util::Option(spec.name, "", spec.help).required(false).repeatable(false).argument(spec.argument));
  }
}

void HostApplication::handleOption(const std::string& name, const std::string& value) {
  ServerApplication::handleOption(name, value);
  if (name == "help") {
    helpRequested_ = true;
    stopOptionsProcessing();
  } else if (name == "config") {
    configFile_ = value;
  } else {
    commandLine_[name] = value;
  }
}

void HostApplication::printHelp() {
  Poco::Util::HelpFormatter help(options());
  help.setCommand(commandName());
  help.setUsage("[options]");
  help.setHeader("The integration host: a Sentry-like issue API with integration plugins.");
  help.setFooter("Every option can also be set in the --config file under its own name, e.g. 'port = 8080'.");
  help.setUnixStyle(true);
  help.format(std::cout);
}

void HostApplication::loadConfigFile() {
  if (!configFile_) return;
  const std::string& path = *configFile_;
  if (!std::filesystem::is_regular_file(path)) throw StartupError(kExitUsage, "cannot read config file " + path);
  try {
    const std::string extension = Poco::Path(path).getExtension();
    if (extension == "ini") {
      fileConfig_ = new Poco::Util::IniFileConfiguration(path);
    } else {
      fileConfig_ = new Poco::Util::PropertyFileConfiguration(path);
    }
  } catch (const Poco::Exception& e) {
    throw StartupError(kExitUsage, "cannot read config file " + path + ": " + e.displayText());
  }
}

std::optional<std::string> HostApplication::lookup(const std::string& name) const {
  if (auto it = commandLine_.find(name); it != commandLine_.end()) return it->second;
  if (fileConfig_ && fileConfig_->hasProperty(name)) return fileConfig_->getString(name);
  return std::nullopt;
}

int HostApplication::main(const std::vector<std::string>& args) {
  if (helpRequested_) {
    printHelp();
    return EXIT_OK;
  }
  try {
    if (!args.empty()) throw StartupError(kExitUsage, "unexpected argument '" + args.front() + "' (see --help)");
    loadConfigFile();
    HostOptions options;
    try {
      const std::string executableDir = Poco::Path(config().getString("application.dir", "./")).toString();
      options = resolveHostOptions([this](const std::string& n) { return lookup(n); }, executableDir,
                                   std::thread::hardware_concurrency());
    } catch (const std::invalid_argument& e) {
      throw StartupError(kExitUsage, e.what());
    }
    ops::configureLogging(options.logLevel);

    HostRuntime runtime(options);
    runtime.start();
    std::cout << "listening on " << runtime.listeningUrl() << std::endl;  // endl flushes: tests wait for it
    waitForTerminationRequest();
    runtime.stop();
    if (runtime.stuckPluginCalls() > 0) {
      // A plugin call that never returned still runs on its thread: running
      // the destructors (plugins' shutdown, the database, the services) under
      // it could crash the exit, so end here; nothing is left to commit.
      if (ops::AccessLog* accessLog = ops::processAccessLog()) accessLog->flush();
      std::cout.flush();
      std::cerr.flush();
      std::_Exit(EXIT_OK);
    }
    return EXIT_OK;
  } catch (const StartupError& e) {
    fail(e.what());
    return e.exitCode();
  } catch (const std::exception& e) {
    fail(e.what());
    return kExitSoftware;
  }
}

}  // namespace ih::host::app
