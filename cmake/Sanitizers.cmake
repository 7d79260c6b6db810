# -DIH_SANITIZE=ON builds everything with ASan+UBSan. Any finding aborts the
# process (no recovery), so a sanitizer report fails the test that triggered it.
if(IH_SANITIZE)
  set(IH_SANITIZER_FLAGS -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer)
  add_compile_options(${IH_SANITIZER_FLAGS})
  add_link_options(${IH_SANITIZER_FLAGS})
endif()

# -DIH_TSAN=ON builds everything with ThreadSanitizer (scripts/tsan). TSan and
# ASan cannot share a process, hence a build of its own. A reported race fails
# the test (halt_on_error in scripts/tsan's TSAN_OPTIONS).
option(IH_TSAN "Build with ThreadSanitizer" OFF)
if(IH_TSAN)
  if(IH_SANITIZE)
    message(FATAL_ERROR "IH_TSAN and IH_SANITIZE cannot be combined")
  endif()
  set(IH_SANITIZER_FLAGS -fsanitize=thread -fno-omit-frame-pointer)
  add_compile_options(${IH_SANITIZER_FLAGS})
  add_link_options(${IH_SANITIZER_FLAGS})
endif()
