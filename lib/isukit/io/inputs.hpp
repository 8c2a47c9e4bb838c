// The input arguments every tool takes: files, directories, and `-` or nothing for stdin.
#pragma once

#include <isukit/io/yaml_reader.hpp>

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace isukit::io {

/// Expands the arguments into the files to read: a directory stands for every `*.yaml`,
/// `*.yml` and `*.csv` below it (extensions in any case), in sorted order, leaving out hidden
/// files and directories and editors' leftovers (`*~`, `#*#`), each named on stderr with why;
/// `-` (or no argument) for standard input. A file reached twice (same device and inode) is
/// taken once. A missing input is an error with exit 66 (a link that leads nowhere says where).
std::vector<std::string> expand_inputs(const std::vector<std::string> &args);

/// What the inputs held, so that a subcommand lacking what it needs can say what it read.
struct InputsRead {
  /// Each kind of document read, once, in input order; "CSV" for a CSV file with content.
  std::vector<std::string> kinds;
  /// Where each kind was read: a kind and a file, as messages name it (a control character in
  /// the name escaped, as the notes on a directory's files show it), once each pair, in input
  /// order. A note on a document given among the inputs names its file.
  std::vector<std::pair<std::string, std::string>> files;
};

/// Reads every input: YAML documents go to the consumer's document hooks, CSV to on_csv. An
/// input is CSV by its `.csv` name (in any case), YAML by a `.yaml` or `.yml` name; any other
/// input (standard input, `export.txt`) is CSV when its first line is a CSV header (a comma,
/// semicolon or tab, no colon). An input that holds no YAML document, or no CSV row, fails as
/// fail_empty_input says. Returns the kinds read (none when a directory held no data file).
InputsRead read_inputs(const std::vector<std::string> &args, DocumentConsumer &consumer);

/// How messages name input `path`: `<stdin>` for `-`, else the path as given. Fails (65) when
/// the path holds what is not UTF-8 text (find_non_utf8: a control character, a bidirectional
/// control, a byte of another encoding), naming it: the name goes into messages and outputs (an
/// import's `source`), which isukit would then refuse to read, or show otherwise than its bytes.
std::string input_name(const std::string &path);

/// The whole content of a file (or stdin for `-`); exit 66 when it cannot be opened. Standard
/// input is read once a run: a second `-` (an input and --template, say) is a usage error (64),
/// rather than reading nothing the second time.
std::string read_file(const std::string &path);

/// Refuses an input that holds nothing: exit 65, `NAME: empty input (no WHAT)` (`what`: "document",
/// "header row"...). An empty file is a save or an export gone wrong, never "nothing to report":
/// that is said by a document with an empty list, or a CSV with its header and no rows.
[[noreturn]] void fail_empty_input(const std::string &name, std::string_view what);

/// Fails as fail_empty_input(name, "document") when a YAML text holds no document: no bytes, or
/// only blank lines, comments, directives (`%YAML`) and document markers (`---`, `...`).
void require_yaml_document(const std::string &name, std::string_view content);

} // namespace isukit::io
