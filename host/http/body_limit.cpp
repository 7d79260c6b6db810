#include "http/body_limit.h"

#include "common/errors.h"

namespace ih::host::http {

std::string readLimitedBody(std::istream& in, int64_t contentLength, size_t maxBytes) {
  if (contentLength > 0 && static_cast<uint64_t>(contentLength) > maxBytes) throw PayloadTooLargeError();
  std::string body;
  if (contentLength > 0) body.reserve(static_cast<size_t>(contentLength));
  char buffer[8192];
  while (in) {
    in.read(buffer, sizeof buffer);
    std::streamsize got = in.gcount();
    if (got <= 0) break;
    if (body.size() + static_cast<size_t>(got) > maxBytes) throw PayloadTooLargeError();
    body.append(buffer, static_cast<size_t>(got));
  }
  return body;
}

}  // namespace ih::host::http
