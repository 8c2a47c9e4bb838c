#include <isukit/util/error.hpp>
#include <isukit/util/inputs_kept.hpp>

#include <fmt/format.h>

#include <filesystem>
#include <vector>

namespace isukit::util {

namespace {

struct Input {
  dev_t device;
  ino_t inode;
  std::filesystem::path real_path;
  std::string name;
};

/// The inputs of this run: a tool reads a few files, so a list is searched.
std::vector<Input> &inputs() {
  static std::vector<Input> read;
  return read;
}

std::filesystem::path real_path(const std::string &path) {
  std::error_code ec;
  return std::filesystem::weakly_canonical(path, ec);
}

} // namespace

void record_input(const std::string &path, const struct stat &info, const std::string &name) {
  if (S_ISREG(info.st_mode)) {
    inputs().push_back(Input{info.st_dev, info.st_ino, real_path(path), name});
  }
}

void refuse_overwriting_input(const std::string &output, const std::string &target,
                              const struct stat &info) {
  if (!S_ISREG(info.st_mode)) {
    return;
  }
  for (const auto &input : inputs()) {
    if (input.device == info.st_dev && input.inode == info.st_ino &&
        input.real_path == real_path(target)) {
      throw Error(ExitCode::cannot_create, Position{output, 0, 0},
                  fmt::format("cannot write: this file is an input of the run ({}), and an "
                              "output never replaces an input: give another name",
                              input.name));
    }
  }
}

bool same_file(const std::string &a, const std::string &b) {
  std::error_code ec;
  const std::filesystem::path real = real_path(a); // empty when it cannot be resolved
  return (!real.empty() && real == real_path(b)) || std::filesystem::equivalent(a, b, ec);
}

} // namespace isukit::util
