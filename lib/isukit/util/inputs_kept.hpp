// Inputs are never modified: the files a run has read, so that no output of it replaces one
// (`assess status a.yaml p.yaml -o p.yaml` would otherwise put the status where the payments
// were).
#pragma once

#include <string>
#include <sys/stat.h>

namespace isukit::util {

/// Records the file `path` (`info` from stat or fstat of it) as read by this run; `name` is how
/// messages name it. Only regular files count: a FIFO or a device is no file an output
/// replaces.
void record_input(const std::string &path, const struct stat &info, const std::string &name);

/// Fails with exit 73 at `output` when the regular file `target` (`info` from its stat) is an
/// input of this run, naming it: an output never replaces what the run read. A file is the
/// same by device, inode and real path (links and `./` resolved): an inode alone may have been
/// freed and given to a new file.
void refuse_overwriting_input(const std::string &output, const std::string &target,
                              const struct stat &info);

/// Whether the paths `a` and `b` name one file: by name once links and `./` are resolved (for
/// files not yet written), or as the same existing file. Two outputs of one run that are one
/// file would have the second replace the first.
bool same_file(const std::string &a, const std::string &b);

} // namespace isukit::util
