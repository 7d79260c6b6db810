/*
 * tests/abi/plugins/declared_version.c - one source for every plugin "built
 * for" another ABI version: CMake sets TP_KEY, TP_MAJOR (the major it was
 * built for), TP_MIN_MINOR (the lowest host minor it runs on) and TP_MINOR
 * (its own IHP_ABI_MINOR). It answers like a well-behaved plugin of that
 * version and never refuses by itself, so the HOST's negotiation is what the
 * version-matrix and corpus tests exercise.
 */
#include "test_plugin.h"

IHP_EXPORT ihp_status ihp_plugin_entry(ihp_entry_args *args) {
  static ihp_plugin_api table;
  tp_table_init(&table, TP_KEY);
  table.fingerprint.abi_major = TP_MAJOR;
  return tp_answer(args, &table, TP_MAJOR, TP_MIN_MINOR, TP_MINOR);
}
