/* tests/e2e/event_loop/timerfd_probe.c - an LD_PRELOAD library that appends
 * one line, "T", to the file TIMERFD_PROBE_LOG for each timerfd_settime()
 * call of the process (Asio's reactor makes one each time the earliest timer
 * of a loop changes), then passes the call through. Without
 * TIMERFD_PROBE_LOG it only passes calls through. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <sys/timerfd.h>
#include <unistd.h>

int timerfd_settime(int fd, int flags, const struct itimerspec* value, struct itimerspec* old) {
  typedef int (*settime_fn)(int, int, const struct itimerspec*, struct itimerspec*);
  static settime_fn next = NULL;
  if (next == NULL) next = (settime_fn)dlsym(RTLD_NEXT, "timerfd_settime");
  const char* path = getenv("TIMERFD_PROBE_LOG");
  if (path != NULL) {
    int saved = errno;
    int log = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0600);
    if (log >= 0) {
      ssize_t ignored = write(log, "T\n", 2);
      (void)ignored;
      close(log);
    }
    errno = saved;
  }
  return next(fd, flags, value, old);
}
