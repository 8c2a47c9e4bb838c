#include <isukit/io/cache_store.hpp>
#include <isukit/util/atomic_file.hpp>
#include <isukit/util/error.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <vector>

namespace isukit::io {

namespace fs = std::filesystem;

namespace {

constexpr std::string_view entry_suffix = ".bin";

/// ISUKIT_CACHE_SIZE: digits and an optional K, M or G (powers of 1024).
std::uint64_t parse_limit(std::string_view text) {
  const auto fail = [&] {
    throw util::Error(
        util::ExitCode::usage,
        fmt::format("ISUKIT_CACHE_SIZE: '{}' is not a size in bytes (digits, then K, M or G)",
                    text));
  };
  std::uint64_t value = 0;
  std::size_t i = 0;
  for (; i < text.size() && text[i] >= '0' && text[i] <= '9'; ++i) {
    value = value * 10 + static_cast<std::uint64_t>(text[i] - '0');
    if (value > (std::uint64_t{1} << 32)) { // 4G gigabytes: far beyond any disk, and no overflow
      fail();
    }
  }
  if (i == 0 || text.size() - i > 1) {
    fail();
  }
  if (i == text.size()) {
    return value;
  }
  const auto unit = std::string_view("KMG").find(text[i]);
  if (unit == std::string_view::npos) {
    fail();
  }
  return value << (10 * (unit + 1));
}

std::optional<fs::path> named_directory() {
  if (const char *dir = std::getenv("ISUKIT_CACHE"); dir && *dir) {
    if (std::string_view(dir) == "off") {
      return std::nullopt;
    }
    return fs::path(dir);
  }
  if (const char *xdg = std::getenv("XDG_CACHE_HOME"); xdg && *xdg) {
    return fs::path(xdg) / "isukit";
  }
  if (const char *home = std::getenv("HOME"); home && *home) {
    return fs::path(home) / ".cache" / "isukit";
  }
  return std::nullopt;
}

/// Makes `dir` 0700 if it is missing; true when it is then a directory of this user's that no
/// one else can open (a directory of ours that others could open is made so: older versions
/// created it 0755).
bool make_private(const fs::path &dir) {
  std::error_code ec;
  if (dir.has_parent_path()) {
    fs::create_directories(dir.parent_path(), ec);
  }
  ::mkdir(dir.c_str(), 0700);
  struct stat info {};
  if (::stat(dir.c_str(), &info) != 0 || !S_ISDIR(info.st_mode) || info.st_uid != ::geteuid()) {
    return false;
  }
  return (info.st_mode & 077) == 0 || ::chmod(dir.c_str(), 0700) == 0;
}

/// Entries (`<32 hex>.bin`), entries being written (`<32 hex>.bin.XXXXXX`) and the entries of
/// the earlier reference-only cache (`<16 hex>.bin`): the only files eviction may remove, so
/// that a cache directory named by mistake ($HOME) loses nothing else.
bool is_cache_file(std::string_view name) {
  const auto hex = name.find_first_not_of("0123456789abcdef");
  if ((hex != 16 && hex != 32) || name.substr(hex, entry_suffix.size()) != entry_suffix) {
    return false;
  }
  const std::string_view rest = name.substr(hex + entry_suffix.size());
  return rest.empty() || (rest.size() == 7 && rest.front() == '.');
}

/// The whole content of an open file, or none when reading fails.
std::optional<Bytes> read_all(int fd) {
  struct stat info {};
  if (::fstat(fd, &info) != 0 || !S_ISREG(info.st_mode)) {
    return std::nullopt;
  }
  Bytes bytes(static_cast<std::size_t>(info.st_size));
  std::size_t done = 0;
  while (done < bytes.size()) {
    const ssize_t got = ::read(fd, bytes.data() + done, bytes.size() - done);
    if (got <= 0) {
      return std::nullopt; // an error, or a file cut short while it was read
    }
    done += static_cast<std::size_t>(got);
  }
  return bytes;
}

} // namespace

CacheStore::CacheStore(fs::path directory, std::uint64_t limit)
    : m_directory(std::move(directory)), m_limit(limit) {}

std::optional<CacheStore> CacheStore::open() {
  const auto dir = named_directory();
  if (!dir) {
    return std::nullopt;
  }
  const char *size = std::getenv("ISUKIT_CACHE_SIZE");
  const std::uint64_t limit = size && *size ? parse_limit(size) : default_cache_limit;
  if (!make_private(*dir)) {
    return std::nullopt;
  }
  return CacheStore(*dir, limit);
}

fs::path CacheStore::entry_path(const Hash128 &key) const {
  return m_directory / (key.hex() + std::string(entry_suffix));
}

std::optional<Bytes> CacheStore::get(const Hash128 &key) const {
  const int fd = ::open(entry_path(key).c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
  if (fd < 0) {
    return std::nullopt;
  }
  auto bytes = read_all(fd);
  if (bytes) {
    ::futimens(fd, nullptr); // most recently used: eviction goes by modification time
  }
  ::close(fd);
  return bytes;
}

void CacheStore::put(const Hash128 &key, std::string_view bytes) const {
  if (bytes.size() > m_limit) {
    return;
  }
  const fs::path entry = entry_path(key);
  std::string temporary = entry.string() + ".XXXXXX";
  const int fd = ::mkostemp(temporary.data(), O_CLOEXEC); // created 0600
  if (fd < 0) {
    return;
  }
  const bool written = util::write_all(fd, bytes) == 0;
  const bool closed = ::close(fd) == 0;
  if (!written || !closed || ::rename(temporary.c_str(), entry.c_str()) != 0) {
    ::unlink(temporary.c_str());
    return;
  }
  evict();
}

void CacheStore::evict() const {
  struct Found {
    struct timespec used;
    std::uint64_t size;
    fs::path path;
  };
  std::vector<Found> found;
  std::uint64_t total = 0;
  std::error_code ec;
  for (auto it = fs::directory_iterator(m_directory, ec); !ec && it != fs::directory_iterator();
       it.increment(ec)) {
    struct stat info {};
    if (!is_cache_file(it->path().filename().string()) || ::lstat(it->path().c_str(), &info) != 0 ||
        !S_ISREG(info.st_mode)) {
      continue;
    }
    found.push_back(Found{info.st_mtim, static_cast<std::uint64_t>(info.st_size), it->path()});
    total += static_cast<std::uint64_t>(info.st_size);
  }
  if (total <= m_limit) {
    return;
  }
  std::sort(found.begin(), found.end(), [](const Found &a, const Found &b) {
    return a.used.tv_sec != b.used.tv_sec ? a.used.tv_sec < b.used.tv_sec
                                          : a.used.tv_nsec < b.used.tv_nsec;
  });
  for (const auto &file : found) {
    if (total <= m_limit) {
      break;
    }
    if (::unlink(file.path.c_str()) == 0) {
      total -= file.size;
    }
  }
}

} // namespace isukit::io
