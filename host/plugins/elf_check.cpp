// host/plugins/elf_check.cpp - see elf_check.h.
#include "plugins/elf_check.h"

#include <elf.h>
#include <fcntl.h>
#include <link.h>  // ElfW(): the ELF types of this host's class
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <vector>

namespace ih::host::plugins {

namespace {

// Closes the descriptor on every path out.
class ReadOnlyFile {
 public:
  explicit ReadOnlyFile(const std::string& path) : fd_(::open(path.c_str(), O_RDONLY | O_CLOEXEC)) {}
  ~ReadOnlyFile() {
    if (fd_ >= 0) ::close(fd_);
  }
  ReadOnlyFile(const ReadOnlyFile&) = delete;
  ReadOnlyFile& operator=(const ReadOnlyFile&) = delete;
  int fd() const { return fd_; }

  // Reads exactly `size` bytes at `offset`.
  bool readAt(void* out, size_t size, uint64_t offset) const {
    auto* bytes = static_cast<char*>(out);
    while (size > 0) {
      const ssize_t got = ::pread(fd_, bytes, size, static_cast<off_t>(offset));
      if (got < 0 && errno == EINTR) continue;
      if (got <= 0) return false;
      bytes += got;
      size -= static_cast<size_t>(got);
      offset += static_cast<uint64_t>(got);
    }
    return true;
  }

 private:
  int fd_;
};

// [offset, offset + count * size) lies inside a file of `fileSize` bytes.
bool inside(uint64_t offset, uint64_t count, uint64_t size, uint64_t fileSize) {
  if (size != 0 && count > (UINT64_MAX - offset) / size) return false;  // would overflow
  return offset + count * size <= fileSize;
}

std::string systemError(const char* what) { return std::string(what) + ": " + std::strerror(errno); }

std::string headerProblem(const ElfW(Ehdr) & header) {
  if (std::memcmp(header.e_ident, ELFMAG, SELFMAG) != 0) return "not an ELF file";
  const unsigned char hostClass = sizeof(void*) == 8 ? ELFCLASS64 : ELFCLASS32;
  if (header.e_ident[EI_CLASS] != hostClass) return "not an ELF object of this host's class (32/64-bit)";
  const unsigned char hostData = __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__ ? ELFDATA2LSB : ELFDATA2MSB;
  if (header.e_ident[EI_DATA] != hostData) return "not an ELF object of this host's byte order";
  if (header.e_type != ET_DYN) return "not an ELF shared object";
  if (header.e_phentsize != sizeof(ElfW(Phdr))) return "malformed ELF header (program header size)";
  return {};
}

}  // namespace

std::string elfLoadProblem(const std::string& path) {
  ReadOnlyFile file(path);
  if (file.fd() < 0) return systemError("cannot open");
  struct stat info {};
  if (::fstat(file.fd(), &info) != 0) return systemError("cannot stat");
  if (!S_ISREG(info.st_mode)) return "not a regular file";
  const uint64_t fileSize = static_cast<uint64_t>(info.st_size);

  ElfW(Ehdr) header{};
  if (fileSize < sizeof header) {
    const bool elfMagic =
        fileSize >= SELFMAG && file.readAt(&header, SELFMAG, 0) && std::memcmp(header.e_ident, ELFMAG, SELFMAG) == 0;
    return elfMagic ? "truncated ELF file (no complete header)" : "not an ELF file";
  }
  if (!file.readAt(&header, sizeof header, 0)) return systemError("cannot read");
  if (std::string problem = headerProblem(header); !problem.empty()) return problem;
  if (!inside(header.e_phoff, header.e_phnum, sizeof(ElfW(Phdr)), fileSize))
    return "truncated ELF file (program headers past the end)";
  if (header.e_shnum > 0 && !inside(header.e_shoff, header.e_shnum, header.e_shentsize, fileSize))
    return "truncated ELF file (section headers past the end)";

  std::vector<ElfW(Phdr)> segments(header.e_phnum);
  if (!segments.empty() && !file.readAt(segments.data(), segments.size() * sizeof(ElfW(Phdr)), header.e_phoff))
    return "truncated ELF file (program headers unreadable)";
  for (const ElfW(Phdr) & segment : segments) {
    if (!inside(segment.p_offset, 1, segment.p_filesz, fileSize))
      return "truncated ELF file (a segment lies past the end)";
  }
  return {};
}

}  // namespace ih::host::plugins
