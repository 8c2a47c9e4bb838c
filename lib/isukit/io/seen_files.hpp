// Each input read once: a file reached twice is read the first time only, with a note.
#pragma once

#include <string>
#include <sys/types.h>
#include <vector>

namespace isukit::io {

/// The files already taken, by device and inode: a file reached twice (named twice, through a
/// directory and by name, through a link) is read once. The one such check of every input:
/// io::read_inputs' and assess import's bank exports.
class SeenFiles {
public:
  /// True the first time a file (`-`: standard input) is offered; a later offer is noted on
  /// stderr ("NAME: note: not read again: it is FIRST, already read") and is false. A file that
  /// cannot be identified (stat fails) is true: opening it will say why.
  bool first(const std::string &path);

private:
  struct Seen {
    dev_t device;
    ino_t inode;
    std::string name;
  };
  std::vector<Seen> m_seen;
};

} // namespace isukit::io
