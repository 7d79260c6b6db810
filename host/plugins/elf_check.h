// host/plugins/elf_check.h - answers, before dlopen, whether a file can be
// handed to the dynamic loader without risking the host.
//
// ld.so maps a shared object's segments as its program headers say, without
// comparing them with the file's size; a truncated .so maps pages past the
// end of the file, and the first touch of one is a SIGBUS that ends the
// process. So the loader first checks, on the file itself: a regular file
// (links followed; a loop or a dangling link is named), an ELF header of this
// host's class and byte order, a shared object (ET_DYN), and every program
// header, segment and the section header table inside the file. This is a
// bounds check of the header structures <elf.h> defines, not a full parse:
// everything else stays dlopen's to judge.
#pragma once

#include <string>

namespace ih::host::plugins {

// The reason `path` must not be dlopen'ed, or "" when it may be.
std::string elfLoadProblem(const std::string& path);

}  // namespace ih::host::plugins
