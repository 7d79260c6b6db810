// host/common/early_answer.h - lets a request's handler be answered from
// another thread while the handler itself is still busy, so a plugin hook run
// inline on an HTTP loop's thread can still be bounded by its deadline.
//
// The HTTP front opens an EarlyAnswerScope on the thread that dispatches a
// request; the plugin-call executor (plugins/plugin_call_executor.h) runs a
// hook inline only where one is open, and its watchdog calls
// answerUnavailable() from its own thread when the hook passes its deadline:
// the client gets its 503 at once, the connection closes, and whatever the
// handler produces when the plugin finally returns is dropped. The handler's
// thread is "still inside" from then until it returns; the front counts such
// threads so stopping does not wait for them (handlersStillInside()).
#pragma once

#include <string_view>

namespace ih::host {

class EarlyAnswer {
 public:
  virtual ~EarlyAnswer() = default;
  // From any thread, at most once, while the handler is still running:
  // answers 503 {"detail": detail}, closes the connection.
  virtual void answerUnavailable(std::string_view detail) noexcept = 0;

  // Handler threads whose request was answered early and have not returned.
  static int handlersStillInside();

 protected:
  static void handlerLeftBehind();  // by an implementation, when it answered early
  static void handlerReturned();    // by an implementation, when that handler returned
};

// One per dispatch, on the handler's thread.
class EarlyAnswerScope {
 public:
  explicit EarlyAnswerScope(EarlyAnswer& answer);
  ~EarlyAnswerScope();
  EarlyAnswerScope(const EarlyAnswerScope&) = delete;
  EarlyAnswerScope& operator=(const EarlyAnswerScope&) = delete;

  // The request being dispatched on this thread, or nullptr.
  static EarlyAnswer* current();

 private:
  EarlyAnswer* outer_;
};

}  // namespace ih::host
