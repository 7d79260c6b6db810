#include "support/raw_connection.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>

namespace ih::testing {

RawConnection::RawConnection(uint16_t port) {
  fd_ = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd_ < 0) throw std::runtime_error(std::string("socket: ") + std::strerror(errno));
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(port);
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(fd_, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
    const std::string why = std::strerror(errno);
    ::close(fd_);
    fd_ = -1;
    throw std::runtime_error("connect: " + why);
  }
}

RawConnection::~RawConnection() { close(); }

void RawConnection::close() {
  if (fd_ >= 0) ::close(fd_);
  fd_ = -1;
}

bool RawConnection::send(const std::string& bytes) {
  size_t sent = 0;
  while (sent < bytes.size()) {
    const ssize_t n = ::send(fd_, bytes.data() + sent, bytes.size() - sent, MSG_NOSIGNAL);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    sent += static_cast<size_t>(n);
  }
  return true;
}

bool RawConnection::receiveSome(std::chrono::steady_clock::time_point deadline) {
  if (peerClosed_) return false;
  const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
  if (left.count() <= 0) return false;
  pollfd ready{fd_, POLLIN, 0};
  if (::poll(&ready, 1, static_cast<int>(left.count())) <= 0) return false;
  char buffer[8192];
  const ssize_t n = ::recv(fd_, buffer, sizeof buffer, 0);
  if (n <= 0) {
    peerClosed_ = true;  // EOF or reset
    return false;
  }
  received_.append(buffer, static_cast<size_t>(n));
  return true;
}

std::string RawConnection::readUntil(const std::string& needle, std::chrono::milliseconds timeout) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  size_t found = std::string::npos;
  while ((found = received_.find(needle, consumed_)) == std::string::npos && receiveSome(deadline)) {
  }
  const size_t end = found == std::string::npos ? received_.size() : found + needle.size();
  std::string out = received_.substr(consumed_, end - consumed_);
  consumed_ = end;
  return out;
}

std::string RawConnection::readResponse(std::chrono::milliseconds timeout) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  std::string head = readUntil("\r\n\r\n", timeout);
  size_t length = 0;
  for (const char* name : {"Content-Length: ", "content-length: "}) {
    const size_t at = head.find(name);
    if (at != std::string::npos) length = std::stoul(head.substr(at + std::strlen(name)));
  }
  const bool bodiless = head.rfind("HTTP/1.1 1", 0) == 0 || head.find(" 204 ") != std::string::npos;
  if (bodiless) return head;
  while (received_.size() - consumed_ < length && receiveSome(deadline)) {
  }
  const size_t take = std::min(length, received_.size() - consumed_);
  head += received_.substr(consumed_, take);
  consumed_ += take;
  return head;
}

bool RawConnection::closedByPeer(std::chrono::milliseconds timeout) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (receiveSome(deadline)) {
  }
  return peerClosed_;
}

}  // namespace ih::testing
