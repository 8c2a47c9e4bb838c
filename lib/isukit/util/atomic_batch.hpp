// A folder of files that appears whole or not at all: letters are a batch.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace isukit::util {

/// One file of a batch: a plain name (no '/') inside the batch's folder, and its content.
struct BatchFile {
  std::string name;
  std::string_view content;
};

/// The file in a batch's folder that lists the files of the batch, one name a line. The tool
/// owns it and the files it lists; nothing else in the folder is ever its business.
inline constexpr std::string_view batch_manifest = ".isukit-letters";

/// Makes `files` the batch of folder `dir`, so that `dir` shows the previous batch or the new
/// one, never a mix, even when the run is killed at any point:
/// - the new files and a new manifest are written and synced in a hidden folder beside `dir`
///   (`.NAME.isukit-batch-XXXXXX`); the regular files of `dir` that are not in its old
///   manifest (a user's own files) are hard-linked into it, so they stay as they are;
/// - that folder is exchanged with `dir` in one step (renameat2 RENAME_EXCHANGE; on file
///   systems without it `dir` is renamed away first, so a reader briefly finds no folder);
/// - the old folder is removed: the files its manifest listed (letters that no longer apply do
///   not stay behind) and the links made above. A `dir` that is a symbolic link has the folder
///   it points to replaced, and the link stays. A missing `dir` (and its parents) is made.
/// Errors (exit 73, nothing changed): `dir` is not a folder, is the working directory, holds a
/// folder, link or device that is not part of a batch, two files share a name, or a file
/// cannot be written (74 when writing fails). A run killed before the exchange leaves `dir`
/// untouched and may leave the hidden folder, which holds nothing but copies and can be deleted.
/// Test hook: ISUKIT_TEST_KILL_AFTER_LETTERS=N kills the process (SIGKILL) after N files.
void write_batch(const std::filesystem::path &dir, const std::vector<BatchFile> &files);

} // namespace isukit::util
