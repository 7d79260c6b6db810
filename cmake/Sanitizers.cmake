# -DIH_SANITIZE=ON builds everything with ASan+UBSan. Any finding aborts the
# process (no recovery), so a sanitizer report fails the test that triggered it.
if(IH_SANITIZE)
  set(IH_SANITIZER_FLAGS -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer)
  add_compile_options(${IH_SANITIZER_FLAGS})
  add_link_options(${IH_SANITIZER_FLAGS})
endif()
