// Files that appear whole or not at all.
#pragma once

#include <filesystem>
#include <string_view>

namespace isukit::util {

/// Writes `content` to a temporary file beside `path`, then renames it over `path`. On any
/// failure the temporary file is removed, `path` keeps its old content, and an Error is thrown
/// (73 when the file cannot be created, 74 when writing fails).
void write_file_atomically(const std::filesystem::path& path, std::string_view content);

/// Makes `dir` (and its parents) if needed; an existing directory is reused. Exit 73 when it
/// cannot be made or is not a directory.
void ensure_directory(const std::filesystem::path& dir);

} // namespace isukit::util
