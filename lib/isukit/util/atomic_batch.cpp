#include <isukit/util/atomic_batch.hpp>
#include <isukit/util/atomic_file.hpp>
#include <isukit/util/error.hpp>
#include <isukit/util/hash.hpp>

#include <fmt/format.h>

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <iterator>
#include <map>
#include <set>
#include <sys/stat.h>
#include <tuple>
#include <unistd.h>

namespace isukit::util {

namespace fs = std::filesystem;

namespace {

/// What the manifest says of a file: the batch that wrote it ("" for an isukit that did not
/// say) and the hash of what it wrote (util::Hash128::hex; "" for an isukit that did not keep
/// it: then an edit cannot be told).
struct Owner {
  std::string batch;
  std::string hash;
};
/// Each file a batch wrote, by name.
using Owners = std::map<std::string, Owner>;

[[noreturn]] void fail(ExitCode code, const fs::path &path, const std::string &message) {
  throw Error(code, Position{path.string(), 0, 0}, message);
}

[[noreturn]] void fail_errno(ExitCode code, const fs::path &path, int error_number) {
  fail(code, path, fmt::format("cannot write: {}", std::strerror(error_number)));
}

/// The manifest of `dir`: each file's name, the batch that wrote it and the hash of what it
/// wrote (none when it has no manifest yet). A line is "BATCH<TAB>NAME<TAB>HASH"; earlier
/// isukits wrote "BATCH<TAB>NAME" (no hash) and, before batches, "NAME" (batch "").
Owners read_manifest(const fs::path &dir) {
  Owners owners;
  std::ifstream in(dir / batch_manifest);
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line.starts_with('#')) {
      continue;
    }
    const auto tab = line.find('\t');
    if (tab == std::string::npos) {
      owners[line] = Owner{};
      continue;
    }
    const auto second = line.find('\t', tab + 1);
    const std::string name =
        line.substr(tab + 1, second - (second == std::string::npos ? 0 : tab + 1));
    owners[name] =
        Owner{line.substr(0, tab), second == std::string::npos ? "" : line.substr(second + 1)};
  }
  return owners;
}

/// This batch's previous letters: the entries of `folder` that the manifest lists as `batch`'s,
/// and those it lists without a batch (an isukit that did not record batches wrote them, with
/// the promise that the next batch replaces them) that this batch writes again; for a run of
/// part of the batch, only those it writes again. A listed letter the user has deleted is not
/// among them.
std::set<std::string> previous_letters(const fs::path &folder, const Owners &owners,
                                       const std::string &batch,
                                       const std::vector<BatchFile> &files, BatchRun run) {
  std::set<std::string> written;
  for (const auto &file : files) {
    written.insert(file.name);
  }
  std::set<std::string> names;
  for (const auto &entry : fs::directory_iterator(folder)) {
    std::string name = entry.path().filename().string();
    const auto owner = owners.find(name);
    const bool ours =
        owner != owners.end() && (owner->second.batch == batch || owner->second.batch.empty());
    if (ours &&
        (written.contains(name) || (run == BatchRun::whole && !owner->second.batch.empty()))) {
      names.insert(std::move(name));
    }
  }
  return names;
}

/// The entries of `dir` that this batch keeps: the user's files and other batches' letters,
/// not the manifest nor this batch's `previous` letters. Each must be a regular file, to be
/// linked into the new folder; anything else stops the batch. `shown` is the folder as the
/// user named it, for the message.
std::vector<std::string> kept_files(const fs::path &folder, const fs::path &shown,
                                    const std::set<std::string> &previous) {
  std::vector<std::string> names;
  for (const auto &entry : fs::directory_iterator(folder)) {
    const std::string name = entry.path().filename().string();
    if (name == batch_manifest || previous.contains(name)) {
      continue;
    }
    if (!entry.is_regular_file() || entry.is_symlink()) {
      fail(ExitCode::cannot_create, shown / name,
           "cannot write letters: the folder holds something other than files; letters replace "
           "their "
           "folder as a batch, so give them a folder of their own");
    }
    names.push_back(name);
  }
  return names;
}

/// The folder a batch goes to: `dir`, or where the symbolic link `dir` leads.
fs::path batch_folder(const fs::path &dir) {
  std::error_code ec;
  fs::path folder =
      fs::exists(dir, ec) ? fs::canonical(dir, ec) : fs::absolute(dir, ec).lexically_normal();
  if (ec) {
    fail_errno(ExitCode::cannot_create, dir, ec.value());
  }
  if (folder.filename().empty()) { // "letters/"
    folder = folder.parent_path();
  }
  if (fs::exists(folder) && !fs::is_directory(folder)) {
    fail(ExitCode::cannot_create, dir, "cannot write letters: not a folder");
  }
  if (fs::exists(folder) && fs::equivalent(folder, fs::current_path())) {
    fail(
        ExitCode::cannot_create, dir,
        "cannot write letters into the working directory: letters replace their folder as a batch, "
        "so give them a folder of their own (-o letters)");
  }
  return folder;
}

/// The names of `files`, checked: plain names, none twice, none the manifest's, and none with a
/// tab or line break (the manifest's separators); the batch's name without them too.
void check_names(const fs::path &dir, const std::string &batch,
                 const std::vector<BatchFile> &files) {
  if (batch.empty() || batch.find_first_of("\t\n\r") != std::string::npos) {
    throw Error(ExitCode::software, fmt::format("a batch of letters named '{}'", batch));
  }
  std::set<std::string> seen;
  for (const auto &file : files) {
    if (file.name.empty() || file.name == "." || file.name == ".." ||
        file.name.find_first_of("/\t\n\r") != std::string::npos || file.name == batch_manifest ||
        !seen.insert(file.name).second) {
      fail(ExitCode::cannot_create, dir / file.name,
           "cannot write letters: a letter's name is empty, not a plain file name, or given twice");
    }
  }
}

/// Makes the folders `folder` is in; errors name `shown`, the folder as the user named it.
void make_parents(const fs::path &folder, const fs::path &shown) {
  try {
    ensure_directory(folder.parent_path());
  } catch (const Error &e) {
    fail(ExitCode::cannot_create, shown, e.message());
  }
}

/// A folder the user's letters cannot go to, said as the folder they named (`shown`): the batch
/// is written in a hidden folder beside it, so an error there is the parent's, and a letter
/// that cannot be written in it would name a path the user never gave.
void require_writable(const fs::path &folder, const fs::path &shown, bool existed) {
  if (existed && ::access(folder.c_str(), W_OK) != 0) {
    fail(ExitCode::cannot_create, shown,
         fmt::format("cannot write letters: the folder cannot be written ({})",
                     std::strerror(errno)));
  }
}

/// A new empty hidden folder beside `folder`, with the mode `folder` has (or would get); errors
/// name `shown`, the folder as the user named it, and the parent the hidden folder needs.
fs::path make_staging(const fs::path &folder, const fs::path &shown, const struct stat *existing) {
  std::string hidden = "."; // built in steps: GCC 12 warns falsely (-Wrestrict) on "." + name
  hidden += folder.filename().string();
  hidden += ".isukit-batch-XXXXXX";
  std::string name = (folder.parent_path() / hidden).string();
  if (::mkdtemp(name.data()) == nullptr) {
    fail(ExitCode::cannot_create, shown,
         fmt::format("cannot write letters: they are written as a batch in a hidden folder beside "
                     "this one, and its parent folder {} cannot be written ({})",
                     folder.parent_path().string(), std::strerror(errno)));
  }
  ::chmod(name.c_str(), existing ? existing->st_mode & 07777 : under_umask(0777));
  if (existing) {
    // Only root may give a folder away; otherwise it stays ours.
    [[maybe_unused]] const int kept = ::chown(name.c_str(), existing->st_uid, existing->st_gid);
  }
  return name;
}

/// Writes one new file, synced; 74 when writing fails.
void write_new_file(const fs::path &path, std::string_view content) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, under_umask(0666));
  if (fd < 0) {
    fail_errno(ExitCode::cannot_create, path, errno);
  }
  int error = write_all(fd, content);
  if (error == 0 && ::fsync(fd) != 0) {
    error = errno;
  }
  if (::close(fd) != 0 && error == 0) {
    error = errno;
  }
  if (error != 0) {
    fail_errno(ExitCode::io, path, error);
  }
}

/// The test hook's count, or none.
long kill_after() {
  const char *value = std::getenv("ISUKIT_TEST_KILL_AFTER_LETTERS");
  return value ? std::strtol(value, nullptr, 10) : -1;
}

/// Who wrote `name` before, for a message: another batch, an isukit that did not say, the user.
std::string writer_of(const Owners &owners, const std::string &name) {
  const auto owner = owners.find(name);
  if (owner == owners.end()) {
    return "no earlier batch wrote it (the folder's .isukit-letters does not list it)";
  }
  if (owner->second.batch.empty()) {
    return "an earlier isukit wrote it without saying which batch it is of";
  }
  return fmt::format("it is a letter of another batch ({})", owner->second.batch);
}

/// A kept file (the user's, or another batch's letter) that a letter of this batch would
/// replace stops the batch: a batch replaces only its own letters.
void refuse_to_replace(const std::vector<std::string> &kept, const Owners &owners,
                       const std::vector<BatchFile> &files, const fs::path &shown) {
  const std::set<std::string> theirs(kept.begin(), kept.end());
  for (const auto &file : files) {
    if (theirs.contains(file.name)) {
      fail(ExitCode::cannot_create, shown / file.name,
           fmt::format("cannot write letters: a file of this letter's name is there and {}; it "
                       "is not replaced: move it, or give the letters another folder",
                       writer_of(owners, file.name)));
    }
  }
}

/// A letter of this batch's previous run (`previous`: it would be replaced or removed) that is
/// no longer what the batch wrote (its hash in the manifest differs: the user edited it) stops
/// the batch, so that no one's edits are lost; one the manifest gives no hash of cannot be told.
void refuse_edited(const fs::path &folder, const fs::path &shown,
                   const std::set<std::string> &previous, const Owners &owners) {
  for (const auto &name : previous) {
    const Owner &owner = owners.at(name); // a previous letter is one the manifest lists
    if (owner.hash.empty()) {
      continue;
    }
    std::ifstream in(folder / name, std::ios::binary);
    const std::string content{std::istreambuf_iterator<char>(in), {}};
    if (in.bad() || !in.is_open()) {
      fail(ExitCode::io, shown / name, "cannot read this letter to tell whether it was changed");
    }
    if (hash128(content).hex() != owner.hash) {
      fail(ExitCode::cannot_create, shown / name,
           fmt::format("cannot write letters: this letter has been changed since its batch ({}) "
                       "wrote it; it is not replaced, so that the change is not lost: move it "
                       "out of the folder to keep it, or delete it to have it written again",
                       owner.batch));
    }
  }
}

/// This run's letters as the new manifest lists them: each with `batch` and the hash of its
/// content, hashed once for the manifest and the note on letters rewritten.
Owners written_letters(const std::string &batch, const std::vector<BatchFile> &files) {
  Owners written;
  for (const auto &file : files) {
    written.emplace(file.name, Owner{batch, hash128(file.content).hex()});
  }
  return written;
}

/// The new manifest: the kept files that other batches wrote, and this run's `written` letters.
std::string manifest_text(const std::vector<std::string> &kept, const Owners &owners,
                          const Owners &written) {
  std::set<std::tuple<std::string, std::string, std::string>> lines; // grouped by batch
  for (const auto &name : kept) {
    const auto owner = owners.find(name);
    if (owner != owners.end()) {
      lines.emplace(owner->second.batch, name, owner->second.hash);
    }
  }
  for (const auto &[name, owner] : written) {
    lines.emplace(owner.batch, name, owner.hash);
  }
  std::string text = "# The letters isukit wrote here, each after the batch that wrote it and "
                     "before the hash of what it wrote; a batch replaces only its own letters, "
                     "and none changed since. Do not edit.\n";
  for (const auto &[writer, name, hash] : lines) {
    if (!writer.empty()) {
      text += writer; // appended in steps: GCC 12 warns falsely (-Wrestrict) on a + "\t" + b
      text += '\t';
    }
    text += name;
    if (!writer.empty() && !hash.empty()) {
      text += '\t';
      text += hash;
    }
    text += '\n';
  }
  return text;
}

/// Fills the staging folder: the new files, the kept files linked, the manifest last.
void fill_staging(const fs::path &staging, const fs::path &folder,
                  const std::vector<BatchFile> &files, const std::vector<std::string> &kept,
                  const std::string &manifest) {
  const long kill_count = kill_after();
  long written = 0;
  for (const auto &file : files) {
    write_new_file(staging / file.name, file.content);
    if (++written == kill_count) {
      ::kill(::getpid(), SIGKILL);
    }
  }
  for (const auto &name : kept) {
    if (::link((folder / name).c_str(), (staging / name).c_str()) != 0) {
      fail_errno(ExitCode::cannot_create, folder / name, errno);
    }
  }
  write_new_file(staging / batch_manifest, manifest);
}

/// Syncs a folder, so that the names in it survive a crash as well as the files.
void sync_folder(const fs::path &dir) {
  const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd >= 0) {
    ::fsync(fd);
    ::close(fd);
  }
}

/// Puts `staging` where `folder` is; returns where the old folder went (empty if none).
fs::path swap_into_place(const fs::path &staging, const fs::path &folder, bool existed) {
  if (!existed) {
    if (::renameat2(AT_FDCWD, staging.c_str(), AT_FDCWD, folder.c_str(), RENAME_NOREPLACE) != 0 &&
        ((errno != EINVAL && errno != ENOSYS) ||
         std::rename(staging.c_str(), folder.c_str()) != 0)) {
      fail_errno(ExitCode::cannot_create, folder, errno);
    }
    return {};
  }
  if (::renameat2(AT_FDCWD, staging.c_str(), AT_FDCWD, folder.c_str(), RENAME_EXCHANGE) == 0) {
    return staging;
  }
  if (errno != EINVAL && errno != ENOSYS) {
    fail_errno(ExitCode::cannot_create, folder, errno);
  }
  fs::path old = staging.string() + "-old"; // not const: returned by move
  if (std::rename(folder.c_str(), old.c_str()) != 0) {
    fail_errno(ExitCode::cannot_create, folder, errno);
  }
  if (std::rename(staging.c_str(), folder.c_str()) != 0) {
    const int saved = errno;
    std::rename(old.c_str(), folder.c_str());
    fail_errno(ExitCode::cannot_create, folder, saved);
  }
  return old;
}

/// Removes the old batch's folder: its manifest, this batch's `previous` letters and the links
/// to the kept files that are now in the new folder. Anything else stays, with a note.
void remove_old_batch(const fs::path &old, const fs::path &folder,
                      const std::set<std::string> &previous) {
  for (const auto &entry : fs::directory_iterator(old)) {
    const std::string name = entry.path().filename().string();
    std::error_code ec;
    if (name == batch_manifest || previous.contains(name) ||
        fs::equivalent(entry.path(), folder / name, ec)) {
      fs::remove(entry.path(), ec);
    }
  }
  std::error_code ec;
  if (!fs::remove(old, ec)) {
    note(Position{old.string(), 0, 0},
         "left behind: it holds files that were not in the batch's folder");
  }
}

/// Says how many of this batch's `previous` letters (those on disk) the new run does not write
/// again: they are removed, as they no longer apply.
void note_removed(const fs::path &shown, const std::set<std::string> &previous,
                  const std::string &batch, const std::vector<BatchFile> &files) {
  std::size_t removed = previous.size();
  for (const auto &file : files) {
    removed -= previous.contains(file.name) ? 1 : 0;
  }
  if (removed > 0) {
    note(Position{shown.string(), 0, 0},
         fmt::format("removed {} letter{} of the previous run of this batch ({}) that this run "
                     "does not write again",
                     removed, removed == 1 ? "" : "s", batch));
  }
}

/// Says how many letters of this batch's previous run the new run writes with other content
/// (an invoice issued again with another date or total): a letter that went out may differ
/// from the one now in the folder, and the officer should know.
void note_rewritten(const fs::path &shown, const std::set<std::string> &previous,
                    const Owners &owners, const Owners &written, const std::string &batch) {
  std::size_t rewritten = 0;
  for (const auto &[name, letter] : written) {
    const auto owner = owners.find(name); // listed: every previous letter is
    rewritten +=
        previous.contains(name) && !owner->second.hash.empty() && owner->second.hash != letter.hash;
  }
  if (rewritten > 0) {
    note(Position{shown.string(), 0, 0},
         fmt::format("replaced {} letter{} of the previous run of this batch ({}) with other "
                     "content",
                     rewritten, rewritten == 1 ? "" : "s", batch));
  }
}

} // namespace

void write_batch(const fs::path &dir, const std::string &batch, const std::vector<BatchFile> &files,
                 BatchRun run) {
  check_names(dir, batch, files);
  const fs::path folder = batch_folder(dir);
  struct stat st {};
  const bool existed = ::stat(folder.c_str(), &st) == 0;
  const Owners owners = existed ? read_manifest(folder) : Owners{};
  const auto previous =
      existed ? previous_letters(folder, owners, batch, files, run) : std::set<std::string>{};
  const auto kept = existed ? kept_files(folder, dir, previous) : std::vector<std::string>{};
  refuse_to_replace(kept, owners, files, dir);
  refuse_edited(folder, dir, previous, owners);
  if (!existed) {
    make_parents(folder, dir);
  }
  require_writable(folder, dir, existed);
  const Owners written = written_letters(batch, files);
  const fs::path staging = make_staging(folder, dir, existed ? &st : nullptr);
  try {
    fill_staging(staging, folder, files, kept, manifest_text(kept, owners, written));
    sync_folder(staging);
  } catch (...) {
    std::error_code ec;
    fs::remove_all(staging, ec); // only new files and links: kept files keep their other name
    throw;
  }
  const fs::path old = swap_into_place(staging, folder, existed);
  sync_folder(folder.parent_path());
  if (!old.empty()) {
    remove_old_batch(old, folder, previous);
  }
  note_rewritten(dir, previous, owners, written, batch);
  note_removed(dir, previous, batch, files);
}

} // namespace isukit::util
