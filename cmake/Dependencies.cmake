# Every dependency comes from a Debian 12 package (see scripts/install-deps).
find_package(Poco REQUIRED COMPONENTS Foundation Net NetSSL Crypto Util Data DataSQLite DataPostgreSQL JSON)
find_package(OpenSSL REQUIRED)
find_package(RapidJSON REQUIRED)
find_package(Boost 1.74 REQUIRED)
find_package(Threads REQUIRED)
find_package(ZLIB REQUIRED)
find_package(zstd REQUIRED)
if(IH_BUILD_TESTS)
  find_package(GTest REQUIRED)
endif()

# Debian's Poco::DataPostgreSQL names PostgreSQL::client in its link interface
# without defining it: provide it (libpq), with libpq's headers, which the
# PostgreSQL backend uses directly to probe connections.
if(NOT TARGET PostgreSQL::client)
  find_library(IH_LIBPQ pq REQUIRED)
  find_path(IH_LIBPQ_INCLUDE_DIR libpq-fe.h PATH_SUFFIXES postgresql REQUIRED)
  add_library(PostgreSQL::client UNKNOWN IMPORTED GLOBAL)
  set_target_properties(PostgreSQL::client PROPERTIES
    IMPORTED_LOCATION ${IH_LIBPQ}
    INTERFACE_INCLUDE_DIRECTORIES ${IH_LIBPQ_INCLUDE_DIR})
endif()

# RapidJSON's package config only exports a variable; give it a target.
include(${CMAKE_CURRENT_LIST_DIR}/RapidJsonDefinitions.cmake)
if(NOT TARGET RapidJSON::RapidJSON)
  add_library(RapidJSON::RapidJSON INTERFACE IMPORTED)
  set_target_properties(RapidJSON::RapidJSON PROPERTIES
    INTERFACE_INCLUDE_DIRECTORIES "${RAPIDJSON_INCLUDE_DIRS}"
    INTERFACE_COMPILE_DEFINITIONS "${IH_RAPIDJSON_DEFINITIONS}")
endif()
