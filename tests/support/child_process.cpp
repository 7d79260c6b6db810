#include "support/child_process.h"

#include <cerrno>
#include <csignal>
#include <cstring>
#include <stdexcept>
#include <thread>

#include <fcntl.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace ih::testing {

std::unique_ptr<ChildProcess> ChildProcess::start(const std::string& exe, const std::vector<std::string>& args,
                                                  const std::map<std::string, std::string>& extraEnv) {
  std::unique_ptr<ChildProcess> child(new ChildProcess());
  std::vector<std::string> argStrings{exe};
  argStrings.insert(argStrings.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (auto& a : argStrings) argv.push_back(a.data());
  argv.push_back(nullptr);

  std::map<std::string, std::string> env;
  for (char** e = environ; *e != nullptr; ++e) {
    std::string entry(*e);
    auto eq = entry.find('=');
    env[entry.substr(0, eq)] = eq == std::string::npos ? "" : entry.substr(eq + 1);
  }
  for (const auto& [k, v] : extraEnv) env[k] = v;
  std::vector<std::string> envStrings;
  for (const auto& [k, v] : env) envStrings.push_back(k + "=" + v);
  std::vector<char*> envp;
  for (auto& e : envStrings) envp.push_back(e.data());
  envp.push_back(nullptr);

  const auto out = child->dir_.file("stdout.txt");
  const auto err = child->dir_.file("stderr.txt");
  // Opened before fork: between fork and exec only async-signal-safe calls are allowed.
  const int input = open("/dev/null", O_RDONLY | O_CLOEXEC);
  const int output = open(out.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  const int errors = open(err.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  const pid_t parent = getpid();
  child->pid_ = fork();
  if (child->pid_ == 0) {
    // A crashed test must not leave servers behind: the child dies with the test process.
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (getppid() != parent) _exit(127);
    // The child starts with default signal handling whatever the test runner blocked.
    sigset_t none;
    sigemptyset(&none);
    sigprocmask(SIG_SETMASK, &none, nullptr);
    dup2(input, 0);
    dup2(output, 1);
    dup2(errors, 2);
    execve(exe.c_str(), argv.data(), envp.data());
    _exit(127);
  }
  const int forkError = errno;
  for (int fd : {input, output, errors}) close(fd);
  if (child->pid_ < 0) throw std::runtime_error("cannot start " + exe + ": " + std::strerror(forkError));
  return child;
}

ChildProcess::~ChildProcess() {
  if (pid_ > 0 && !reap(false)) {
    kill(pid_, SIGKILL);
    reap(true);
  }
}

bool ChildProcess::reap(bool block) const {
  if (exited_) return true;
  int status = 0;
  pid_t r = waitpid(pid_, &status, block ? 0 : WNOHANG);
  if (r != pid_) return false;
  exited_ = true;
  exitCode_ = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  return true;
}

bool ChildProcess::running() const { return !reap(false); }

std::string ChildProcess::waitForListening(std::chrono::milliseconds timeout) {
  const std::string marker = "listening on http://";
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (std::chrono::steady_clock::now() < deadline) {
    const auto text = stdoutText();
    if (auto at = text.find(marker); at != std::string::npos) {
      auto end = text.find('\n', at);
      if (end != std::string::npos) {
        baseUrl_ = text.substr(at + 13, end - at - 13);
        port_ = std::stoi(baseUrl_.substr(baseUrl_.rfind(':') + 1));
        return baseUrl_;
      }
    }
    if (!running()) {
      throw std::runtime_error("process exited with " + std::to_string(exitCode_) + " before listening; stderr:\n" +
                               stderrText());
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  throw std::runtime_error("no 'listening on' line within the timeout; stderr:\n" + stderrText());
}

int ChildProcess::wait(std::chrono::milliseconds timeout) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (!reap(false)) {
    if (std::chrono::steady_clock::now() >= deadline) return -1;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  return exitCode_;
}

int ChildProcess::stop(std::chrono::milliseconds grace) {
  if (reap(false)) return exitCode_;
  kill(pid_, SIGTERM);
  if (wait(grace) >= 0) return exitCode_;
  kill(pid_, SIGKILL);
  reap(true);
  return exitCode_;
}

std::string ChildProcess::stdoutText() const { return readFile(dir_.file("stdout.txt")); }
std::string ChildProcess::stderrText() const { return readFile(dir_.file("stderr.txt")); }

}  // namespace ih::testing
