// host/storage/notification_listener.h - wake-ups from other processes that
// share the database (PostgreSQL LISTEN/NOTIFY), so a job enqueued on one
// host starts at once on an idle other host instead of at its next poll.
#pragma once

namespace ih::host::storage {

// Listens while it lives; its callback runs on the listener's own thread.
class NotificationListener {
 public:
  virtual ~NotificationListener() = default;
  // True while connected and listening: a notification sent now will arrive.
  // While false (database unreachable, reconnecting) callers poll as before.
  virtual bool live() const = 0;
};

}  // namespace ih::host::storage
