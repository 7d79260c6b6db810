# cmake -DIN=<module> -DOUT=<file> -P vendor_module.cmake
# Copies an npm ES module for the browser, pointing its bare "preact" import
# at the vendored file beside it (browsers resolve only relative or absolute
# URLs without an import map, and an inline import map would need a CSP
# exception). Fails when a bare import is left over.
file(READ ${IN} text)
string(REGEX REPLACE "from[ ]*([\"'])preact([\"'])" "from\\1./preact.mjs\\2" text "${text}")
if(text MATCHES "from[ ]*[\"'][^./][^\"']*[\"']")
  message(FATAL_ERROR "${IN}: a bare import remains after rewriting")
endif()
file(WRITE ${OUT} "${text}")
