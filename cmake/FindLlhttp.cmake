# llhttp: Debian's node-llhttp ships the C sources (/usr/share/llhttp) and the header
# (/usr/share/include/llhttp); we build them as a static library. Elsewhere (vcpkg,
# Homebrew) the installed CMake package is used.
find_package(llhttp CONFIG QUIET)
if(TARGET llhttp::llhttp_static)
  add_library(wharf_llhttp ALIAS llhttp::llhttp_static)
elseif(TARGET llhttp::llhttp_shared)
  add_library(wharf_llhttp ALIAS llhttp::llhttp_shared)
else()
  find_path(LLHTTP_INCLUDE_DIR llhttp.h PATHS /usr/share/include/llhttp /usr/include /usr/local/include)
  find_path(LLHTTP_SOURCE_DIR llhttp.c PATHS /usr/share/llhttp)
  if(NOT LLHTTP_INCLUDE_DIR OR NOT LLHTTP_SOURCE_DIR)
    message(FATAL_ERROR "llhttp not found: install Debian's node-llhttp, or llhttp from vcpkg/Homebrew")
  endif()
  add_library(wharf_llhttp STATIC
    ${LLHTTP_SOURCE_DIR}/llhttp.c ${LLHTTP_SOURCE_DIR}/api.c ${LLHTTP_SOURCE_DIR}/http.c)
  target_include_directories(wharf_llhttp SYSTEM PUBLIC ${LLHTTP_INCLUDE_DIR})
  set_target_properties(wharf_llhttp PROPERTIES POSITION_INDEPENDENT_CODE ON C_STANDARD 99)
  if(CMAKE_C_COMPILER_ID MATCHES "GNU|Clang")
    target_compile_options(wharf_llhttp PRIVATE -w)
  endif()
endif()
