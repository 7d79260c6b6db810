# The preprocessor definitions every file that includes RapidJSON compiles
# with, in the main build and in the fuzz targets alike, so that each compiles
# the same parser (IH_RAPIDJSON_DEFINITIONS).
#
# On x86-64, where SSE2 is the baseline, RAPIDJSON_SSE2 makes the parser skip
# whitespace and copy unescaped runs of a string 16 bytes at a time: half the
# time of reading a Jira webhook (docs/benchmarks.md, issue 12 "Round 16").
set(IH_RAPIDJSON_DEFINITIONS "RAPIDJSON_HAS_STDSTRING=1")
if(CMAKE_SYSTEM_PROCESSOR MATCHES "^(x86_64|AMD64|amd64)$")
  list(APPEND IH_RAPIDJSON_DEFINITIONS "RAPIDJSON_SSE2")
endif()
