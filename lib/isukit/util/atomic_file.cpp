#include <isukit/util/atomic_file.hpp>
#include <isukit/util/error.hpp>

#include <fmt/format.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <string>
#include <sys/stat.h>
#include <unistd.h>

namespace isukit::util {

namespace {

[[noreturn]] void fail(ExitCode code, const std::filesystem::path& path, int error_number) {
  throw Error(code, Position{path.string(), 0, 0},
              fmt::format("cannot write: {}", std::strerror(error_number)));
}

} // namespace

void write_file_atomically(const std::filesystem::path& path, std::string_view content) {
  const std::filesystem::path dir = path.has_parent_path() ? path.parent_path() : ".";
  // A hidden name beside the target, so the rename stays within one file system.
  std::string temp_name = ".";
  temp_name += path.filename().string();
  temp_name += ".XXXXXX";
  std::string temp = (dir / temp_name).string();
  const int fd = ::mkstemp(temp.data());
  if (fd < 0) {
    fail(ExitCode::cannot_create, path, errno);
  }
  std::size_t written = 0;
  while (written < content.size()) {
    const ssize_t n = ::write(fd, content.data() + written, content.size() - written);
    if (n < 0) {
      if (errno == EINTR) {
        continue;
      }
      const int saved = errno;
      ::close(fd);
      ::unlink(temp.c_str());
      fail(ExitCode::io, path, saved);
    }
    written += static_cast<std::size_t>(n);
  }
  // mkstemp creates the file 0600; output files are ordinary documents.
  ::fchmod(fd, 0644 & ~[] {
    const mode_t mask = ::umask(0);
    ::umask(mask);
    return mask;
  }());
  if (::close(fd) != 0) {
    const int saved = errno;
    ::unlink(temp.c_str());
    fail(ExitCode::io, path, saved);
  }
  if (std::rename(temp.c_str(), path.c_str()) != 0) {
    const int saved = errno;
    ::unlink(temp.c_str());
    fail(ExitCode::cannot_create, path, saved);
  }
}

void ensure_directory(const std::filesystem::path& dir) {
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec || !std::filesystem::is_directory(dir)) {
    throw Error(ExitCode::cannot_create, Position{dir.string(), 0, 0},
                fmt::format("cannot create directory: {}",
                            ec ? ec.message() : std::string("not a directory")));
  }
}

} // namespace isukit::util
