# ih_add_plugin(<target> OUTPUT_DIR <dir> SOURCES ...)
#
# A plugin is a MODULE library that exports exactly one symbol (ihp_plugin_entry):
# everything else is hidden, and -z defs proves it imports nothing from the host
# binary, because every host service arrives through the function table.
set(IH_PLUGIN_EXPORTS_MAP ${CMAKE_CURRENT_LIST_DIR}/plugin_exports.map)

function(ih_add_plugin target)
  cmake_parse_arguments(ARG "" "OUTPUT_DIR;OUTPUT_NAME" "SOURCES" ${ARGN})
  add_library(${target} MODULE ${ARG_SOURCES})
  set_target_properties(${target} PROPERTIES
    PREFIX ""
    C_VISIBILITY_PRESET hidden
    CXX_VISIBILITY_PRESET hidden
    VISIBILITY_INLINES_HIDDEN ON
    LIBRARY_OUTPUT_DIRECTORY ${ARG_OUTPUT_DIR})
  if(ARG_OUTPUT_NAME)
    set_target_properties(${target} PROPERTIES OUTPUT_NAME ${ARG_OUTPUT_NAME})
  endif()
  if(NOT IH_SANITIZE AND NOT IH_TSAN)
    # The sanitizer runtimes live in the executable, so -z defs cannot hold there.
    target_link_options(${target} PRIVATE -Wl,-z,defs -Wl,-z,now)
  endif()
  target_link_options(${target} PRIVATE -Wl,--version-script=${IH_PLUGIN_EXPORTS_MAP})
  set_property(TARGET ${target} APPEND PROPERTY LINK_DEPENDS ${IH_PLUGIN_EXPORTS_MAP})
  target_link_libraries(${target} PRIVATE ihp::plugin_api)
endfunction()
