/* bench/sqlite_profile/sqlite_step_profile.c - where a process's SQLite time
 * goes, per statement text, without rebuilding it: an LD_PRELOAD shim that
 * wraps sqlite3_step() and sums the wall time, the completed executions and
 * the rows of every distinct statement (sqlite3_sql()).
 *
 * perf cannot say this: SQLite's frames carry no statement, and the host
 * prepares each statement once per pooled connection, so counting prepares
 * says nothing either. scripts/bench-sqlite-statements drives it.
 *
 *   LD_PRELOAD=build/bench/libih-sqlite-step-profile.so \
 *   IH_SQLITE_PROFILE_OUT=/tmp/steps.txt integration-host ...
 *
 * The table is rewritten (atomically, via rename) at most every second from a
 * step call; "touch $IH_SQLITE_PROFILE_OUT.reset" zeroes it at the next step.
 * Lines: total ms, executions, rows, statement (first 300 characters). */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <pthread.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

enum { kMaxStatements = 1024 };

struct statement_totals {
  char *sql;
  unsigned long executions, rows;
  double nanoseconds;
};

static struct statement_totals totals[kMaxStatements];
static pthread_mutex_t totals_mutex = PTHREAD_MUTEX_INITIALIZER;
static double last_write_ns;

static double now_ns(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (double)t.tv_sec * 1e9 + (double)t.tv_nsec;
}

static void add(const char *sql, int rc, double ns) {
  for (int i = 0; i < kMaxStatements; ++i) {
    if (totals[i].sql == NULL) totals[i].sql = strdup(sql);
    if (totals[i].sql == NULL) return;
    if (strcmp(totals[i].sql, sql) != 0) continue;
    if (rc == SQLITE_ROW) ++totals[i].rows; else ++totals[i].executions;
    totals[i].nanoseconds += ns;
    return;
  }
}

/* Under totals_mutex. */
static void reset_if_asked(const char *out) {
  char flag[4096];
  snprintf(flag, sizeof flag, "%s.reset", out);
  if (unlink(flag) != 0) return;
  for (int i = 0; i < kMaxStatements && totals[i].sql != NULL; ++i) {
    totals[i].executions = totals[i].rows = 0;
    totals[i].nanoseconds = 0;
  }
}

/* Under totals_mutex. */
static void write_table(const char *out) {
  char temp[4096];
  snprintf(temp, sizeof temp, "%s.tmp", out);
  FILE *file = fopen(temp, "w");
  if (file == NULL) return;
  for (int i = 0; i < kMaxStatements && totals[i].sql != NULL; ++i) {
    if (totals[i].executions == 0 && totals[i].rows == 0) continue;
    fprintf(file, "%.3f\t%lu\t%lu\t%.300s\n", totals[i].nanoseconds / 1e6, totals[i].executions, totals[i].rows,
            totals[i].sql);
  }
  fclose(file);
  rename(temp, out);
}

int sqlite3_step(sqlite3_stmt *statement) {
  static int (*real_step)(sqlite3_stmt *);
  if (real_step == NULL) real_step = (int (*)(sqlite3_stmt *))dlsym(RTLD_NEXT, "sqlite3_step");
  const double start = now_ns();
  const int rc = real_step(statement);
  const double end = now_ns();
  const char *sql = sqlite3_sql(statement);
  const char *out = getenv("IH_SQLITE_PROFILE_OUT");
  if (sql == NULL || out == NULL) return rc;
  pthread_mutex_lock(&totals_mutex);
  reset_if_asked(out);
  add(sql, rc, end - start);
  if (end - last_write_ns > 1e9) {
    last_write_ns = end;
    write_table(out);
  }
  pthread_mutex_unlock(&totals_mutex);
  return rc;
}
