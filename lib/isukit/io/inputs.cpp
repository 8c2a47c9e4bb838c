#include <isukit/io/inputs.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

namespace isukit::io {

namespace fs = std::filesystem;

namespace {

constexpr const char* stdin_name = "<stdin>";

bool is_data_file(const fs::path& path) {
  const auto ext = path.extension();
  return ext == ".yaml" || ext == ".yml" || ext == ".csv";
}

bool is_csv(const std::string& path) { return fs::path(path).extension() == ".csv"; }

/// Standard input has no name to go by: it is CSV when its first non-blank line has a comma
/// and no colon, which no isukit YAML document's first line (`kind: ...`, `---`, `#`) has.
bool looks_like_csv(std::string_view content) {
  const auto start = content.find_first_not_of(" \t\r\n");
  if (start == std::string_view::npos) {
    return false;
  }
  const std::string_view line = content.substr(start, content.find('\n', start) - start);
  return line.find(',') != std::string_view::npos && line.find(':') == std::string_view::npos &&
         line.front() != '#' && line.front() != '-' && line.front() != '{' && line.front() != '[';
}

[[noreturn]] void no_input(const std::string& path, const std::string& why) {
  throw util::Error(util::ExitCode::no_input, util::Position{path, 0, 0},
                    fmt::format("cannot read: {}", why));
}

} // namespace

std::vector<std::string> expand_inputs(const std::vector<std::string>& args) {
  if (args.empty()) {
    return {"-"};
  }
  std::vector<std::string> files;
  for (const auto& arg : args) {
    if (arg == "-") {
      files.push_back(arg);
      continue;
    }
    std::error_code ec;
    if (fs::is_directory(arg, ec)) {
      std::vector<std::string> found;
      for (const auto& entry : fs::recursive_directory_iterator(arg, ec)) {
        if (entry.is_regular_file() && is_data_file(entry.path())) {
          found.push_back(entry.path().string());
        }
      }
      std::sort(found.begin(), found.end());
      files.insert(files.end(), found.begin(), found.end());
    } else if (fs::exists(arg, ec)) {
      files.push_back(arg);
    } else {
      no_input(arg, "no such file or directory");
    }
  }
  return files;
}

std::string read_file(const std::string& path) {
  if (path == "-") {
    std::ostringstream content;
    content << std::cin.rdbuf();
    return content.str();
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    no_input(path, std::strerror(errno));
  }
  std::string content;
  in.seekg(0, std::ios::end);
  const auto size = in.tellg();
  if (size > 0) {
    content.resize(static_cast<std::size_t>(size));
    in.seekg(0);
    in.read(content.data(), size);
  }
  if (!in) {
    throw util::Error(util::ExitCode::io, util::Position{path, 0, 0}, "read error");
  }
  return content;
}

void read_inputs(const std::vector<std::string>& args, DocumentConsumer& consumer) {
  for (const auto& path : expand_inputs(args)) {
    const std::string name = path == "-" ? stdin_name : path;
    if (is_csv(path)) {
      const std::string content = read_file(path);
      consumer.on_csv(intern_file_name(name), content);
      continue;
    }
    if (path == "-") {
      const std::string content = read_file(path);
      if (looks_like_csv(content)) {
        consumer.on_csv(intern_file_name(name), content);
      } else {
        std::istringstream in(content);
        read_yaml(in, name, consumer);
      }
      continue;
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) {
      no_input(path, std::strerror(errno));
    }
    read_yaml(in, name, consumer);
  }
}

} // namespace isukit::io
