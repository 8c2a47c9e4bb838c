// The doctest entry point for all unit tests of lib/.
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <stdexcept>
#include <string>

namespace {

/// The tests' scratch files (std::filesystem::temp_directory_path(), which reads TMPDIR) go to a
/// folder of this process, removed at exit: several checkouts' tests (another worktree, the
/// sanitizer build) run at the same time on one machine and used to meet in fixed /tmp names.
class PrivateTmpdir {
public:
  PrivateTmpdir() {
    std::string pattern = (std::filesystem::temp_directory_path() / "isukit-unit-XXXXXX").string();
    if (::mkdtemp(pattern.data()) == nullptr) {
      throw std::runtime_error("cannot create a scratch folder under " + pattern);
    }
    m_path = pattern;
    ::setenv("TMPDIR", m_path.c_str(), 1);
  }
  ~PrivateTmpdir() {
    std::error_code ignored;
    std::filesystem::remove_all(m_path, ignored);
  }
  PrivateTmpdir(const PrivateTmpdir &) = delete;
  PrivateTmpdir &operator=(const PrivateTmpdir &) = delete;

private:
  std::string m_path;
};

const PrivateTmpdir private_tmpdir;

} // namespace
