/* tests/e2e/durability/fsync_probe.c - an LD_PRELOAD library for the
 * durability tests: it records, with CLOCK_MONOTONIC times (one clock for
 * every process of the machine), each write to and each fsync/fdatasync of a
 * file whose name ends in "-wal", and makes each such sync last
 * FSYNC_PROBE_DELAY_MS longer, so an answer sent before its sync returned is
 * visible from the outside.
 *
 * Records go to the file FSYNC_PROBE_LOG, one line each, appended with
 * O_APPEND (atomic for short lines):
 *   W <ns>        a write of the WAL (SQLite writes its frames at commit)
 *   S <ns> <ns>   a WAL sync: the time it began and the time it returned
 * Without FSYNC_PROBE_LOG the library only passes calls through. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <time.h>
#include <unistd.h>

static long long probe_now_ns(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (long long)ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

static int probe_is_wal(int fd) {
  char link[64], target[PATH_MAX];
  snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
  ssize_t n = readlink(link, target, sizeof target - 1);
  if (n < 4) return 0;
  target[n] = '\0';
  return strcmp(target + n - 4, "-wal") == 0;
}

static void probe_record(const char* line) {
  const char* path = getenv("FSYNC_PROBE_LOG");
  if (path == NULL) return;
  int saved = errno;
  int fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0600);
  if (fd >= 0) {
    ssize_t ignored = write(fd, line, strlen(line));
    (void)ignored;
    close(fd);
  }
  errno = saved;
}

static void probe_record_write(int fd) {
  if (getenv("FSYNC_PROBE_LOG") == NULL || !probe_is_wal(fd)) return;
  char line[64];
  snprintf(line, sizeof line, "W %lld\n", probe_now_ns());
  probe_record(line);
}

static int probe_sync(int fd, const char* name) {
  int (*real)(int) = (int (*)(int))dlsym(RTLD_NEXT, name);
  if (getenv("FSYNC_PROBE_LOG") == NULL || !probe_is_wal(fd)) return real(fd);
  long long began = probe_now_ns();
  const char* delay = getenv("FSYNC_PROBE_DELAY_MS");
  if (delay != NULL) {
    long ms = atol(delay);
    struct timespec pause = {ms / 1000, (ms % 1000) * 1000000L};
    while (nanosleep(&pause, &pause) != 0 && errno == EINTR) {
    }
  }
  int result = real(fd);
  int saved = errno;
  char line[80];
  snprintf(line, sizeof line, "S %lld %lld\n", began, probe_now_ns());
  probe_record(line);
  errno = saved;
  return result;
}

int fsync(int fd) { return probe_sync(fd, "fsync"); }
int fdatasync(int fd) { return probe_sync(fd, "fdatasync"); }

ssize_t pwrite(int fd, const void* buf, size_t count, off_t offset) {
  ssize_t (*real)(int, const void*, size_t, off_t) =
      (ssize_t(*)(int, const void*, size_t, off_t))dlsym(RTLD_NEXT, "pwrite");
  probe_record_write(fd);
  return real(fd, buf, count, offset);
}

ssize_t pwrite64(int fd, const void* buf, size_t count, off64_t offset) {
  ssize_t (*real)(int, const void*, size_t, off64_t) =
      (ssize_t(*)(int, const void*, size_t, off64_t))dlsym(RTLD_NEXT, "pwrite64");
  probe_record_write(fd);
  return real(fd, buf, count, offset);
}
