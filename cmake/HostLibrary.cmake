# ih_add_host_library(<service> DEPS <targets...>)
#
# One static library per host service folder (target ih_<service>), built from
# every .cpp below the folder except main.cpp. Headers are included as
# "<service>/<file>.h" relative to host/.
function(ih_add_host_library service)
  cmake_parse_arguments(ARG "" "" "DEPS" ${ARGN})
  file(GLOB_RECURSE sources CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/*.cpp)
  list(FILTER sources EXCLUDE REGEX ".*/main\\.cpp$")
  if(sources)
    add_library(ih_${service} STATIC ${sources})
    target_include_directories(ih_${service} PUBLIC ${PROJECT_SOURCE_DIR}/host)
    target_link_libraries(ih_${service} PUBLIC ${ARG_DEPS})
  else()
    # Not implemented yet: keep dependents configurable.
    add_library(ih_${service} INTERFACE)
    target_include_directories(ih_${service} INTERFACE ${PROJECT_SOURCE_DIR}/host)
    target_link_libraries(ih_${service} INTERFACE ${ARG_DEPS})
  endif()
endfunction()
