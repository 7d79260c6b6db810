#include "http/request_target.h"

namespace ih::host::http {

RequestTarget splitTarget(std::string_view target) {
  // Absolute form (proxies): drop "scheme://authority".
  if (auto scheme = target.find("://"); scheme != std::string_view::npos && target.front() != '/') {
    auto slash = target.find('/', scheme + 3);
    target = slash == std::string_view::npos ? std::string_view("/") : target.substr(slash);
  }
  if (auto hash = target.find('#'); hash != std::string_view::npos) target = target.substr(0, hash);
  const auto question = target.find('?');
  const std::string_view path = target.substr(0, question);
  RequestTarget out;
  // assign() rather than "= literal": GCC 12 warns falsely (-Wrestrict) on the latter here.
  out.path.assign(path.empty() ? std::string_view("/") : path);
  if (question != std::string_view::npos) out.rawQuery.assign(target.substr(question + 1));
  return out;
}

}  // namespace ih::host::http
