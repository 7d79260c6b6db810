# Warnings are on for every target we own; the build must stay clean.
add_compile_options(-Wall -Wextra)
if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND CMAKE_CXX_COMPILER_VERSION VERSION_LESS 13)
  # GCC 12 reports impossible memcpy overlaps inside libstdc++'s
  # `"literal" + std::string&&` at -O2 (GCC bug 105329, fixed in 13). The
  # diagnostic fires in library code, not ours, so it is switched off for C++.
  add_compile_options($<$<COMPILE_LANGUAGE:CXX>:-Wno-restrict>)
endif()
