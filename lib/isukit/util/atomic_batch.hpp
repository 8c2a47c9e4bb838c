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

/// The file in a batch's folder that lists the letters batches wrote there, one a line after
/// the name of the batch that wrote it and before the XXH3-128 hash of what it wrote
/// ("assess invoices ccm 2026<TAB>FRA-2026.md<TAB>32 hex digits"). Each batch owns the files
/// listed after its name, as long as they are what it wrote; nothing else in the folder is ever
/// its business.
inline constexpr std::string_view batch_manifest = ".isukit-letters";

/// What a run of a batch replaces: all of its previous run's letters (one it does not write
/// again no longer applies: a State that has since paid), or, for a run that covers part of the
/// batch (assess statement --state), only those it writes again, the others kept.
enum class BatchRun { whole, part };

/// Makes `files` the batch named `batch` of folder `dir` (the command and what it covers, such
/// as "assess invoices ccm 2026": a rerun replaces its previous run, any other batch is left
/// alone), so that `dir` shows the previous state or the new one, never a mix, even when the
/// run is killed at any point:
/// - the new files and a new manifest are written and synced in a hidden folder beside `dir`
///   (`.NAME.isukit-batch-XXXXXX`); the regular files of `dir` that the manifest does not list
///   as `batch`'s (a user's own files, other batches' letters) are hard-linked into it, so they
///   stay as they are;
/// - that folder is exchanged with `dir` in one step (renameat2 RENAME_EXCHANGE; on file
///   systems without it `dir` is renamed away first, so a reader briefly finds no folder);
/// - the old folder is removed: the files its manifest listed as `batch`'s (letters that no
///   longer apply do not stay behind; a note on stderr says how many; with BatchRun::part only
///   those it wrote again) and the links made above.
///   A file the manifest lists without a batch (an isukit before batches wrote it) is `batch`'s
///   when `batch` writes that name again, and the new manifest lists it after `batch`. A
///   `dir` that is a symbolic link has the folder it points to replaced, and the link stays. A
///   missing `dir` (and its parents) is made.
/// Errors (exit 73, nothing changed): `dir` is not a folder, is the working directory, holds a
/// folder, link or device that is not part of a batch, a file would replace one that is not
/// `batch`'s (the user's or another batch's: named in the message), a letter of `batch` that
/// the run would replace or remove has been changed since it was written (its hash differs from
/// the manifest's: an officer's edits are never lost; a manifest line without a hash, from an
/// earlier isukit, cannot tell and is replaced), two files share a name, a
/// name has a '/', tab or line break, or a file cannot be written (74 when writing fails). A run
/// killed before the exchange leaves `dir` untouched and may leave the hidden folder, which holds
/// nothing but copies and can be deleted. Test hook: ISUKIT_TEST_KILL_AFTER_LETTERS=N kills the
/// process (SIGKILL) after N files.
void write_batch(const std::filesystem::path &dir, const std::string &batch,
                 const std::vector<BatchFile> &files, BatchRun run = BatchRun::whole);

} // namespace isukit::util
