#include <isukit/util/atomic_file.hpp>
#include <isukit/util/error.hpp>
#include <isukit/util/inputs_kept.hpp>

#include <fmt/format.h>

#include <cerrno>
#include <charconv>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <optional>
#include <string>
#include <sys/stat.h>
#include <unistd.h>

namespace isukit::util {

namespace fs = std::filesystem;

namespace {

[[noreturn]] void fail(ExitCode code, const fs::path &path, int error_number) {
  throw Error(code, Position{path.string(), 0, 0},
              fmt::format("cannot write: {}", std::strerror(error_number)));
}

/// Where a write to `path` lands: `path` itself, or the end of its chain of symbolic links
/// (which may not exist yet: a dangling link makes its target, as the shell's `>` does).
/// Empty when the chain reaches /proc: /dev/stdout and /dev/fd/N stand for a file this
/// process already has open (a pipe, a terminal, a file the shell redirected), which is written
/// through (`through` says where), never replaced.
std::optional<fs::path> replaceable_target(const fs::path &path, fs::path &through) {
  fs::path current = path;
  for (int hops = 0; hops < 40; ++hops) { // Linux's own limit on a chain of links
    // The folders on the way may be links too (/dev/fd is /proc/self/fd).
    std::error_code ec;
    if (const fs::path folder =
            fs::canonical(current.has_parent_path() ? current.parent_path() : ".", ec);
        !ec) {
      current = folder / current.filename();
    }
    if (current.string().starts_with("/proc/")) {
      through = current;
      return std::nullopt;
    }
    struct stat st {};
    if (::lstat(current.c_str(), &st) != 0 || !S_ISLNK(st.st_mode)) {
      return current;
    }
    const fs::path next = fs::read_symlink(current, ec);
    if (ec) {
      fail(ExitCode::cannot_create, path, ec.value());
    }
    current = next.is_absolute() ? next : current.parent_path() / next;
  }
  fail(ExitCode::cannot_create, path, ELOOP);
}

/// N for /proc/self/fd/N or /proc/PID/fd/N of this process (where /dev/stdout and /dev/fd/N lead).
std::optional<int> open_descriptor(const fs::path &path) {
  const std::string text = path.string();
  for (const std::string &prefix :
       {std::string("/proc/self/fd/"), fmt::format("/proc/{}/fd/", ::getpid())}) {
    int fd = -1;
    const char *end = text.data() + text.size();
    if (text.starts_with(prefix) &&
        std::from_chars(text.data() + prefix.size(), end, fd).ptr == end) {
      return fd;
    }
  }
  return std::nullopt;
}

/// A FIFO, a device, or a descriptor already open: written, never renamed over. A descriptor
/// is written where it stands (after what a shell's `{ ...; } >file` wrote before).
void write_through(const fs::path &target, const fs::path &shown, std::string_view content) {
  const auto open_fd = open_descriptor(target);
  const int fd = open_fd ? ::dup(*open_fd) : ::open(target.c_str(), O_WRONLY | O_CLOEXEC);
  if (fd < 0) {
    fail(ExitCode::cannot_create, shown, errno);
  }
  if (const int error = write_all(fd, content); error != 0) {
    ::close(fd);
    fail(ExitCode::io, shown, error);
  }
  if (::close(fd) != 0) {
    fail(ExitCode::io, shown, errno);
  }
}

/// A regular file (or none yet): a temporary file beside it, renamed over it once synced.
void replace_file(const fs::path &target, const struct stat *existing, const fs::path &shown,
                  std::string_view content) {
  const fs::path dir = target.has_parent_path() ? target.parent_path() : ".";
  // A hidden name beside the target, so the rename stays within one file system.
  std::string temp_name = "."; // built in steps: GCC 12 warns falsely (-Wrestrict) on "." + name
  temp_name += target.filename().string();
  temp_name += ".XXXXXX";
  std::string temp = (dir / temp_name).string();
  const int fd = ::mkstemp(temp.data());
  if (fd < 0) {
    fail(ExitCode::cannot_create, shown, errno);
  }
  auto give_up = [&](ExitCode code, int error) {
    ::close(fd);
    ::unlink(temp.c_str());
    fail(code, shown, error);
  };
  if (const int error = write_all(fd, content); error != 0) {
    give_up(ExitCode::io, error);
  }
  // mkstemp makes the file 0600: a replaced file keeps its mode, a new one gets the usual.
  ::fchmod(fd, existing ? existing->st_mode & 07777 : under_umask(0666));
  if (existing) {
    // Only root may give a file away; otherwise the owner stays ours, as when an editor saves.
    [[maybe_unused]] const int kept = ::fchown(fd, existing->st_uid, existing->st_gid);
  }
  if (::fsync(fd) != 0) {
    give_up(ExitCode::io, errno);
  }
  if (::close(fd) != 0) {
    const int saved = errno;
    ::unlink(temp.c_str());
    fail(ExitCode::io, shown, saved);
  }
  if (std::rename(temp.c_str(), target.c_str()) != 0) {
    const int saved = errno;
    ::unlink(temp.c_str());
    fail(ExitCode::cannot_create, shown, saved);
  }
}

} // namespace

unsigned under_umask(unsigned mode) {
  const mode_t mask = ::umask(0);
  ::umask(mask);
  return mode & ~mask;
}

int write_all(int fd, std::string_view content) {
  std::size_t written = 0;
  while (written < content.size()) {
    const ssize_t n = ::write(fd, content.data() + written, content.size() - written);
    if (n < 0) {
      if (errno == EINTR) {
        continue;
      }
      return errno;
    }
    written += static_cast<std::size_t>(n);
  }
  return 0;
}

void write_file_atomically(const fs::path &path, std::string_view content) {
  fs::path through;
  const auto replaceable = replaceable_target(path, through);
  if (!replaceable) {
    write_through(through, path, content);
    return;
  }
  const fs::path &target = *replaceable;
  struct stat st {};
  if (::stat(target.c_str(), &st) != 0) {
    if (errno != ENOENT) {
      fail(ExitCode::cannot_create, path, errno);
    }
    replace_file(target, nullptr, path, content);
  } else if (S_ISREG(st.st_mode)) {
    refuse_overwriting_input(path.string(), target.string(), st);
    // Renaming over a file needs only its folder's permission; a read-only file (0444) is
    // replaced only by one who may write it, as cp and the shell's > would.
    if (::access(target.c_str(), W_OK) != 0) {
      fail(ExitCode::cannot_create, path, errno);
    }
    replace_file(target, &st, path, content);
  } else if (S_ISFIFO(st.st_mode) || S_ISCHR(st.st_mode) || S_ISBLK(st.st_mode)) {
    write_through(target, path, content);
  } else {
    throw Error(ExitCode::cannot_create, Position{path.string(), 0, 0},
                S_ISDIR(st.st_mode) ? "cannot write: is a directory (give a file name)"
                                    : "cannot write: not a regular file, FIFO or device");
  }
}

void ensure_directory(const fs::path &dir) {
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec || !fs::is_directory(dir)) {
    throw Error(ExitCode::cannot_create, Position{dir.string(), 0, 0},
                fmt::format("cannot create directory: {}",
                            ec ? ec.message() : std::string("not a directory")));
  }
}

} // namespace isukit::util
