// An HTTP server inside the test process (127.0.0.1, port 0) that answers every request
// with a configurable status and keeps what it received — a stand-in for any receiver a
// system under test calls (webhook targets, callbacks).
#pragma once

#include <chrono>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace ih::testing {

struct CapturedRequest {
  std::string method;
  std::string uri;  // path and query
  std::map<std::string, std::string> headers;  // lowercase names
  std::string body;

  std::string header(const std::string& name) const;
};

class RecordingHttpServer {
 public:
  explicit RecordingHttpServer(int status = 200);
  ~RecordingHttpServer();
  RecordingHttpServer(const RecordingHttpServer&) = delete;
  RecordingHttpServer& operator=(const RecordingHttpServer&) = delete;

  int port() const;
  // http://127.0.0.1:PORT + path
  std::string url(const std::string& path = "/") const;
  void setStatus(int status);
  // Answers every request with this status, body and extra headers from now
  // on: a planted service (an internal one leaking a secret, a redirect).
  void setAnswer(int status, const std::string& body, const std::map<std::string, std::string>& headers = {});
  std::vector<CapturedRequest> requests() const;
  // True once at least `count` requests arrived within the timeout.
  bool waitForRequests(std::size_t count, std::chrono::milliseconds timeout = std::chrono::seconds(10)) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace ih::testing
