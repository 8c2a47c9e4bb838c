// Files that appear whole or not at all.
#pragma once

#include <filesystem>
#include <string_view>

namespace isukit::util {

/// Writes `content` to `path` so that a reader sees the old content or the new, never a part:
/// - a regular file (or no file yet): written to a temporary file beside it, synced, then
///   renamed over it; a replaced file keeps its permission bits (and, where allowed, its owner
///   and group), a new one gets 0666 less the umask;
/// - a symbolic link: the file it points to (through any chain of links) is replaced that way,
///   and the link stays a link;
/// - a FIFO, a character or block device (/dev/null, a terminal): written through, never
///   replaced (there is nothing to rename over a device);
/// - /dev/stdout, /dev/fd/N, /proc/self/fd/N: the descriptor this process already has open
///   is written, where it stands (a pipe, or a file the shell redirected);
/// - a directory, a socket, a file this run read (util::refuse_overwriting_input), a file this
///   user may not write (access(W_OK): a read-only file in a writable folder, as cp refuses
///   it; root may write any): an error, exit 73.
/// On any failure the temporary file is removed, `path` keeps its old content, and an Error is
/// thrown (73 when the file cannot be created, 74 when writing fails, e.g. ENOSPC on /dev/full).
void write_file_atomically(const std::filesystem::path &path, std::string_view content);

/// Writes all of `content` to the open descriptor `fd` (retrying short writes and EINTR).
/// Returns 0, or the errno of the failed write.
int write_all(int fd, std::string_view content);

/// `mode` (permission bits, e.g. 0666 for a file, 0777 for a folder) less the process's umask:
/// the mode a new file or folder gets.
unsigned under_umask(unsigned mode);

/// Makes `dir` (and its parents) if needed; an existing directory is reused. Exit 73 when it
/// cannot be made or is not a directory.
void ensure_directory(const std::filesystem::path &dir);

} // namespace isukit::util
