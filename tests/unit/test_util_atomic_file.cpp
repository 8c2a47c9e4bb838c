#include <isukit/util/atomic_file.hpp>
#include <isukit/util/error.hpp>

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

using namespace isukit::util;
namespace fs = std::filesystem;

namespace {
std::string slurp(const fs::path &path) {
  std::ifstream in(path);
  std::stringstream content;
  content << in.rdbuf();
  return content.str();
}
} // namespace

TEST_SUITE("util::atomic_file") {
  TEST_CASE("util::write_file_atomically") {
    const fs::path dir = fs::temp_directory_path() / "isukit-atomic-test";
    fs::remove_all(dir);
    fs::create_directories(dir);
    const fs::path file = dir / "out.yaml";

    SUBCASE("writes and replaces whole files") {
      write_file_atomically(file, "first\n");
      write_file_atomically(file, "second\n");
      CHECK(slurp(file) == "second\n");
      CHECK(std::distance(fs::directory_iterator(dir), fs::directory_iterator()) == 1);
    }
    SUBCASE("a directory that does not exist is exit 73 and leaves nothing") {
      try {
        write_file_atomically(dir / "missing" / "out.yaml", "x");
        FAIL("expected an error");
      } catch (const Error &e) {
        CHECK(e.code() == ExitCode::cannot_create);
      }
      CHECK(std::distance(fs::directory_iterator(dir), fs::directory_iterator()) == 0);
    }
    SUBCASE("a replaced file keeps its permissions") {
      write_file_atomically(file, "first\n");
      fs::permissions(file, fs::perms::owner_read | fs::perms::owner_write);
      write_file_atomically(file, "second\n");
      CHECK(fs::status(file).permissions() == (fs::perms::owner_read | fs::perms::owner_write));
    }
    SUBCASE("a symbolic link stays; the file it names is replaced") {
      write_file_atomically(file, "first\n");
      fs::create_symlink("out.yaml", dir / "link.yaml");
      write_file_atomically(dir / "link.yaml", "second\n");
      CHECK(fs::is_symlink(dir / "link.yaml"));
      CHECK(slurp(file) == "second\n");
    }
    SUBCASE("a directory is exit 73 and stays") {
      fs::create_directory(dir / "out");
      try {
        write_file_atomically(dir / "out", "x");
        FAIL("expected an error");
      } catch (const Error &e) {
        CHECK(e.code() == ExitCode::cannot_create);
      }
      CHECK(fs::is_directory(dir / "out"));
    }
    fs::remove_all(dir);
  }
}
