#include <isukit/util/atomic_file.hpp>
#include <isukit/util/error.hpp>

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

using namespace isukit::util;
namespace fs = std::filesystem;

namespace {
std::string slurp(const fs::path& path) {
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
      } catch (const Error& e) {
        CHECK(e.code() == ExitCode::cannot_create);
      }
      CHECK(std::distance(fs::directory_iterator(dir), fs::directory_iterator()) == 0);
    }
    fs::remove_all(dir);
  }
}
