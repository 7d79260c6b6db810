// A raw loopback TCP connection for tests that must control every byte a
// client sends and see exactly what comes back: slow or silent clients,
// Expect: 100-continue, HEAD framing, malformed requests.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>

namespace ih::testing {

class RawConnection {
 public:
  // Connects to 127.0.0.1:port; throws std::runtime_error when refused.
  explicit RawConnection(uint16_t port);
  ~RawConnection();
  RawConnection(const RawConnection&) = delete;
  RawConnection& operator=(const RawConnection&) = delete;

  // False when the peer has closed (or reset) the connection.
  bool send(const std::string& bytes);
  // Everything received until `needle` shows up (included), the peer closes,
  // or `timeout` passes; what was read stays readable through received().
  std::string readUntil(const std::string& needle, std::chrono::milliseconds timeout = std::chrono::seconds(5));
  // Reads one complete HTTP response with a Content-Length (or none) body.
  std::string readResponse(std::chrono::milliseconds timeout = std::chrono::seconds(5));
  // True once the peer closed the connection (EOF or reset) within `timeout`;
  // whatever arrives meanwhile is kept in received().
  bool closedByPeer(std::chrono::milliseconds timeout);
  const std::string& received() const { return received_; }
  void close();

 private:
  // Waits up to `timeout` for bytes; false when the peer closed or the time passed.
  bool receiveSome(std::chrono::steady_clock::time_point deadline);

  int fd_ = -1;
  bool peerClosed_ = false;
  std::string received_;
  size_t consumed_ = 0;  // bytes of received_ already handed out
};

}  // namespace ih::testing
