#include <isukit/io/inputs.hpp>
#include <isukit/io/seen_files.hpp>
#include <isukit/util/error.hpp>

#include <fmt/format.h>

#include <sys/stat.h>

namespace isukit::io {

bool SeenFiles::first(const std::string &path) {
  struct stat info {};
  const int result = path == "-" ? ::fstat(0, &info) : ::stat(path.c_str(), &info);
  const std::string name = input_name(path);
  if (result != 0) {
    return true;
  }
  for (const auto &seen : m_seen) {
    if (seen.device == info.st_dev && seen.inode == info.st_ino) {
      util::note(util::Position{name, 0, 0},
                 fmt::format("not read again: it is {}, already read", seen.name));
      return false;
    }
  }
  m_seen.push_back(Seen{info.st_dev, info.st_ino, name});
  return true;
}

} // namespace isukit::io
