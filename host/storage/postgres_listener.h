// host/storage/postgres_listener.h - a NotificationListener on its own libpq
// connection (LISTEN needs a session of its own, outside the pool: pooled
// connections are handed to other work between statements).
#pragma once

#include <functional>
#include <memory>
#include <string>

#include "storage/notification_listener.h"

namespace ih::host::storage {

// `connectionString` in libpq's key=value form; `channel` a plain identifier.
// It connects (and reconnects after a failure) in the background. A
// notification sent while it was not listening is lost: callers poll at their
// short interval while live() is false, which finds that work too.
std::unique_ptr<NotificationListener> listenOnPostgres(std::string connectionString, std::string channel,
                                                       std::function<void()> onNotify);

}  // namespace ih::host::storage
