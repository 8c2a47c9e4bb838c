#include <isukit/util/atomic_batch.hpp>
#include <isukit/util/atomic_file.hpp>
#include <isukit/util/error.hpp>

#include <fmt/format.h>

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <set>
#include <sys/stat.h>
#include <unistd.h>

namespace isukit::util {

namespace fs = std::filesystem;

namespace {

[[noreturn]] void fail(ExitCode code, const fs::path &path, const std::string &message) {
  throw Error(code, Position{path.string(), 0, 0}, message);
}

[[noreturn]] void fail_errno(ExitCode code, const fs::path &path, int error_number) {
  fail(code, path, fmt::format("cannot write: {}", std::strerror(error_number)));
}

/// The names the manifest of `dir` lists (none when it has no manifest yet).
std::set<std::string> manifest_names(const fs::path &dir) {
  std::set<std::string> names;
  std::ifstream in(dir / batch_manifest);
  for (std::string line; std::getline(in, line);) {
    if (!line.empty() && !line.starts_with('#')) {
      names.insert(line);
    }
  }
  return names;
}

/// The entries of `dir` that belong to the user (not the manifest, not a file it lists): each
/// must be a regular file, to be linked into the new folder; anything else stops the batch.
/// `shown` is the folder as the user named it, for the message.
std::vector<std::string> users_files(const fs::path &folder, const fs::path &shown,
                                     const std::set<std::string> &batch) {
  std::vector<std::string> names;
  for (const auto &entry : fs::directory_iterator(folder)) {
    const std::string name = entry.path().filename().string();
    if (name == batch_manifest || batch.contains(name)) {
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

/// The names of `files`, checked: plain names, none twice, none the manifest's.
void check_names(const fs::path &dir, const std::vector<BatchFile> &files) {
  std::set<std::string> seen;
  for (const auto &file : files) {
    if (file.name.empty() || file.name == "." || file.name == ".." ||
        file.name.find('/') != std::string::npos || file.name == batch_manifest ||
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

/// A file of the user's (no earlier batch wrote it) that a letter of this batch would replace
/// stops the batch: other files in the folder are never touched.
void refuse_to_replace(const std::vector<std::string> &users, const std::vector<BatchFile> &files,
                       const fs::path &shown) {
  const std::set<std::string> theirs(users.begin(), users.end());
  for (const auto &file : files) {
    if (theirs.contains(file.name)) {
      fail(ExitCode::cannot_create, shown / file.name,
           "cannot write letters: a file of this letter's name is there that no earlier batch "
           "wrote (the folder's "
           ".isukit-letters does not list it); it is not replaced: move it, or give the letters "
           "another folder");
    }
  }
}

/// Fills the staging folder: the new files, the user's files linked, the manifest last.
void fill_staging(const fs::path &staging, const fs::path &folder,
                  const std::vector<BatchFile> &files, const std::vector<std::string> &users) {
  const long kill_count = kill_after();
  std::set<std::string> names;
  std::string manifest =
      "# The letters isukit wrote here last; the next batch replaces them. Do not edit.\n";
  for (const auto &file : files) {
    write_new_file(staging / file.name, file.content);
    names.insert(file.name);
    manifest += file.name + "\n";
    if (static_cast<long>(names.size()) == kill_count) {
      ::kill(::getpid(), SIGKILL);
    }
  }
  for (const auto &name : users) {
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

/// Removes the old batch's folder: its manifest, the letters it listed and the links to the
/// user's files that are now in the new folder. Anything else stays, with a note.
void remove_old_batch(const fs::path &old, const fs::path &folder,
                      const std::set<std::string> &batch) {
  for (const auto &entry : fs::directory_iterator(old)) {
    const std::string name = entry.path().filename().string();
    std::error_code ec;
    if (name == batch_manifest || batch.contains(name) ||
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

} // namespace

void write_batch(const fs::path &dir, const std::vector<BatchFile> &files) {
  check_names(dir, files);
  const fs::path folder = batch_folder(dir);
  struct stat st {};
  const bool existed = ::stat(folder.c_str(), &st) == 0;
  const auto old_batch = existed ? manifest_names(folder) : std::set<std::string>{};
  const auto users = existed ? users_files(folder, dir, old_batch) : std::vector<std::string>{};
  refuse_to_replace(users, files, dir);
  if (!existed) {
    make_parents(folder, dir);
  }
  require_writable(folder, dir, existed);
  const fs::path staging = make_staging(folder, dir, existed ? &st : nullptr);
  try {
    fill_staging(staging, folder, files, users);
    sync_folder(staging);
  } catch (...) {
    std::error_code ec;
    fs::remove_all(staging, ec); // only new files and links: the user's files keep their other name
    throw;
  }
  const fs::path old = swap_into_place(staging, folder, existed);
  sync_folder(folder.parent_path());
  if (!old.empty()) {
    remove_old_batch(old, folder, old_batch);
  }
}

} // namespace isukit::util
