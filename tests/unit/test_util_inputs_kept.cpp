#include <isukit/util/error.hpp>
#include <isukit/util/inputs_kept.hpp>

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <unistd.h>

using namespace isukit;
namespace fs = std::filesystem;

TEST_CASE("util::refuse_overwriting_input: a file read is no output, by any name") {
  // Named for this process: another checkout's tests may run at the same time.
  const fs::path dir =
      fs::temp_directory_path() / ("isukit-inputs-kept-test-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  std::ofstream(dir / "in.yaml") << "kind: x\n";
  std::ofstream(dir / "other.yaml") << "kind: y\n";
  fs::create_symlink("in.yaml", dir / "link.yaml");
  const auto info = [](const fs::path &path) {
    struct stat st {};
    REQUIRE(::stat(path.c_str(), &st) == 0);
    return st;
  };
  util::record_input((dir / "in.yaml").string(), info(dir / "in.yaml"), "in.yaml");
  for (const fs::path &name : {dir / "in.yaml", dir / "." / "in.yaml", dir / "link.yaml"}) {
    CAPTURE(name);
    try {
      util::refuse_overwriting_input("out", name.string(), info(name));
      FAIL("an input could be overwritten");
    } catch (const util::Error &error) {
      CHECK(error.code() == util::ExitCode::cannot_create);
      CHECK(error.message().find("input of the run (in.yaml)") != std::string::npos);
    }
  }
  CHECK_NOTHROW(util::refuse_overwriting_input("out", (dir / "other.yaml").string(),
                                               info(dir / "other.yaml")));
  // A file made where an input was, after it was deleted, may get its inode: it is new.
  fs::remove(dir / "in.yaml");
  std::ofstream(dir / "new.yaml") << "kind: z\n";
  CHECK_NOTHROW(
      util::refuse_overwriting_input("out", (dir / "new.yaml").string(), info(dir / "new.yaml")));
  fs::remove_all(dir);
}
