// The input arguments every tool takes: files, directories, and `-` or nothing for stdin.
#pragma once

#include <isukit/io/yaml_reader.hpp>

#include <string>
#include <vector>

namespace isukit::io {

/// Expands the arguments into the files to read: a directory stands for every `*.yaml`,
/// `*.yml` and `*.csv` below it (extensions in any case), in sorted order, leaving out hidden
/// files and directories and editors' leftovers (`*~`, `#*#`), each named on stderr with why;
/// `-` (or no argument) for standard input. A file reached twice (same device and inode) is
/// taken once. A missing input is an error with exit 66.
std::vector<std::string> expand_inputs(const std::vector<std::string> &args);

/// What the inputs held, so that a subcommand lacking what it needs can say what it read.
struct InputsRead {
  /// Each kind of document read, once, in input order; "CSV" for a CSV file with content.
  std::vector<std::string> kinds;
};

/// Reads every input: YAML documents go to the consumer's document hooks, CSV to on_csv. An
/// input is CSV by its `.csv` name (in any case), YAML by a `.yaml` or `.yml` name; any other
/// input (standard input, `export.txt`) is CSV when its first line is a CSV header (a comma,
/// semicolon or tab, no colon). Returns the kinds read (none for empty inputs).
InputsRead read_inputs(const std::vector<std::string> &args, DocumentConsumer &consumer);

/// The whole content of a file (or stdin for `-`); exit 66 when it cannot be opened.
std::string read_file(const std::string &path);

} // namespace isukit::io
