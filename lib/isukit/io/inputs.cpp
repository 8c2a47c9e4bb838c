#include <isukit/io/csv_reader.hpp>
#include <isukit/io/inputs.hpp>
#include <isukit/io/node_cache.hpp>
#include <isukit/io/seen_files.hpp>
#include <isukit/util/inputs_kept.hpp>
#include <isukit/util/text_encoding.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <sys/stat.h>
#include <unistd.h>

namespace isukit::io {

namespace fs = std::filesystem;

namespace {

constexpr const char *stdin_name = "<stdin>";

std::string lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

bool has_extension(const fs::path &path, std::string_view ext) {
  return lower(path.extension().string()) == ext;
}

[[noreturn]] void no_input(const std::string &path, const std::string &why) {
  throw util::Error(util::ExitCode::no_input, util::Position{path, 0, 0},
                    fmt::format("cannot read: {}", why));
}

/// `path` as a message may show it: each control, bidirectional control or byte that is not
/// UTF-8 (util::find_non_utf8) written as an escape (\x1B, \u202E), so that a name cannot
/// move the cursor of the user's terminal or reorder what is shown.
std::string shown_name(std::string_view path) {
  std::string shown;
  for (std::size_t at = util::find_non_utf8(path); at != std::string_view::npos;
       at = util::find_non_utf8(path)) {
    std::size_t next = at;
    const char32_t code = util::next_code_point(path, next);
    const bool stray_byte = next - at == 1 && static_cast<unsigned char>(path[at]) >= 0x80;
    shown.append(path.substr(0, at));
    shown += stray_byte || code < 0x80
                 ? fmt::format("\\x{:02X}", static_cast<unsigned char>(path[at]))
                 : fmt::format("\\u{:04X}", static_cast<std::uint32_t>(code));
    path.remove_prefix(next);
  }
  return shown.append(path);
}

/// Why a file found inside a directory is not read, or empty when it is: hidden files and
/// editors' leftovers (`.payments.yaml`, `.#payments.yaml`, `payments.yaml~`, `#payments.yaml#`,
/// and the owner file `~$payments.csv` an office suite keeps while the file is open) are copies
/// of a file that is read already, or not data, and only YAML and CSV hold documents.
std::string_view skip_reason(const fs::directory_entry &entry) {
  const std::string name = entry.path().filename().string();
  if (name.front() == '.') {
    return "a hidden file";
  }
  if (name.back() == '~' || (name.size() > 1 && name.front() == '#' && name.back() == '#') ||
      name.starts_with("~$")) {
    return "an editor's backup or lock file";
  }
  std::error_code ec;
  if (!entry.is_regular_file(ec)) {
    return "not a regular file";
  }
  const fs::path &path = entry.path();
  if (!has_extension(path, ".yaml") && !has_extension(path, ".yml") &&
      !has_extension(path, ".csv")) {
    return "not a .yaml, .yml or .csv file";
  }
  return {};
}

/// The data files below `dir`, sorted; every file left out is named on stderr with why. A
/// hidden directory (`.git`) is left out whole.
std::vector<std::string> directory_files(const std::string &dir) {
  std::vector<std::string> found;
  std::vector<std::pair<std::string, std::string>> left_out; // path, why: named in sorted order
  std::error_code ec;
  std::string reading = dir; // the directory the next step reads: named if it cannot be read
  for (auto it = fs::recursive_directory_iterator(dir, ec);
       !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    const bool is_dir = it->is_directory(ec);
    const bool hidden = it->path().filename().string().front() == '.';
    reading = it->path().parent_path().string();
    if (is_dir && (hidden || it->is_symlink(ec))) {
      it.disable_recursion_pending();
      left_out.emplace_back(it->path().string(),
                            hidden ? "a hidden directory"
                                   : "a link to a directory (name it to read it)");
      continue;
    }
    if (is_dir) {
      reading = it->path().string(); // entered next
      continue;
    }
    if (const auto why = skip_reason(*it); !why.empty()) {
      left_out.emplace_back(it->path().string(), why);
      continue;
    }
    found.push_back(it->path().string());
  }
  if (ec) {
    no_input(reading, ec.message());
  }
  std::sort(found.begin(), found.end());
  std::sort(left_out.begin(), left_out.end());
  for (const auto &[path, why] : left_out) {
    util::note(util::Position{shown_name(path), 0, 0}, "not read: " + why);
  }
  return found;
}

/// Standard input has no name to go by, nor has a file named without `.csv`: it is CSV when its
/// first non-blank line has a separator and no colon, which no isukit YAML document's first
/// line (`kind: ...`, `---`, `#`) has.
bool looks_like_csv(std::string_view content) {
  const auto start = content.find_first_not_of(" \t\r\n");
  if (start == std::string_view::npos) {
    return false;
  }
  std::string_view line = content.substr(start, content.find_first_of("\r\n", start) - start);
  if (line.substr(0, 3) == "\xEF\xBB\xBF") {
    line.remove_prefix(3);
  }
  return line.find_first_of(",;\t") != std::string_view::npos &&
         line.find(':') == std::string_view::npos && !line.empty() && line.front() != '#' &&
         line.front() != '-' && line.front() != '{' && line.front() != '[';
}

/// Whether a line of YAML (without its line end) holds nothing of a document: blank, a
/// comment, a directive (`%YAML 1.2`) or a document marker (`---`, `...`) with at most a comment.
bool holds_nothing(std::string_view line) {
  if (line.starts_with('%')) {
    return true;
  }
  if ((line.starts_with("---") || line.starts_with("...")) &&
      (line.size() == 3 || line[3] == ' ' || line[3] == '\t')) {
    line.remove_prefix(3);
  }
  const auto first = line.find_first_not_of(" \t");
  return first == std::string_view::npos || line[first] == '#';
}

/// Why an input that does not exist is missing: a link that leads nowhere says where it leads.
std::string missing(const std::string &path) {
  std::error_code ec;
  if (fs::is_symlink(path, ec)) {
    return fmt::format("a link to '{}', which does not exist", fs::read_symlink(path, ec).string());
  }
  return "no such file or directory";
}

/// Passes everything on to the consumer and notes the kinds it passed.
class KindRecorder : public DocumentConsumer {
public:
  explicit KindRecorder(DocumentConsumer &consumer) : m_consumer(consumer) {}

  std::string_view streamed_list(const std::string &kind, const Node &kind_node) override {
    record(kind, kind_node.mark().file);
    return m_consumer.streamed_list(kind, kind_node);
  }
  void on_record(const std::string &kind, const Node &header, const Node &record) override {
    m_consumer.on_record(kind, header, record);
  }
  void on_document(Document document) override {
    record(document.kind, document.root.mark().file);
    ++documents;
    m_consumer.on_document(std::move(document));
  }
  void on_csv(CsvReader &reader) override {
    if (reader.at_end()) {
      fail_empty_input(*reader.file(), "header row");
    }
    m_consumer.on_csv(reader);
    record("CSV", reader.file());
  }

  InputsRead read;
  std::size_t documents = 0; // YAML documents passed on

private:
  /// Notes `kind` as read, in `file` (an interned name: compared by address first, as every
  /// document of a file gives the same).
  void record(const std::string &kind, const std::string *file) {
    if (std::find(read.kinds.begin(), read.kinds.end(), kind) == read.kinds.end()) {
      read.kinds.push_back(kind);
    }
    if (file == m_last_file && kind == m_last_kind) {
      return;
    }
    m_last_file = file;
    m_last_kind = kind;
    std::pair<std::string, std::string> where{kind, file ? shown_name(*file) : std::string()};
    if (std::find(read.files.begin(), read.files.end(), where) == read.files.end()) {
      read.files.push_back(std::move(where));
    }
  }
  DocumentConsumer &m_consumer;
  const std::string *m_last_file = nullptr;
  std::string m_last_kind;
};

} // namespace

namespace {

/// Records a file about to be read as an input (`info` from its stat); a directory, which
/// opens and reads as nothing, is refused (exit 66).
void take_input(const std::string &path, const struct stat &info, const std::string &name) {
  if (S_ISDIR(info.st_mode)) {
    no_input(name, "a directory, where a file is wanted");
  }
  util::record_input(path, info, name);
}

/// Standard input holds one text: read again, it would read as nothing (an input, then
/// `--template -`, gave "empty input (no template text)"). The tools refuse two options naming
/// it before reading (cli::file_option, which names them); this is for any other second reading,
/// and names no option, as it cannot know which tool's options named it.
void refuse_second_stdin_reading() {
  static bool read = false;
  if (read) {
    throw util::Error(util::ExitCode::usage,
                      "standard input (-) is named twice: it can be read only once; give all but "
                      "one of the places that name it a file");
  }
  read = true;
}

} // namespace

std::vector<std::string> expand_inputs(const std::vector<std::string> &args) {
  if (args.empty()) {
    return {"-"};
  }
  std::vector<std::string> files;
  SeenFiles seen;
  auto take = [&](const std::string &path) {
    if (seen.first(path)) {
      files.push_back(path);
    }
  };
  for (const auto &arg : args) {
    std::error_code ec;
    if (arg != "-" && fs::is_directory(arg, ec)) {
      for (const auto &file : directory_files(arg)) {
        take(file);
      }
    } else if (arg == "-" || fs::exists(arg, ec)) {
      take(arg);
    } else {
      no_input(arg, ec ? ec.message() : missing(arg));
    }
  }
  return files;
}

std::string read_file(const std::string &path) {
  struct stat info {};
  if (path == "-") {
    refuse_second_stdin_reading();
    if (::fstat(STDIN_FILENO, &info) != 0) {
      no_input(stdin_name, "standard input is not open");
    }
    take_input("/dev/stdin", info, stdin_name); // `< p.yaml -o p.yaml` replaces no input either
    std::ostringstream content;
    content << std::cin.rdbuf();
    return std::move(content).str();
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    no_input(path, std::strerror(errno));
  }
  if (::stat(path.c_str(), &info) == 0) {
    take_input(path, info, path);
  }
  std::ostringstream content;
  content << in.rdbuf(); // not by size: a FIFO or /dev/stdin has none
  if (in.bad()) {
    throw util::Error(util::ExitCode::io, util::Position{path, 0, 0}, "read error");
  }
  return std::move(content).str(); // the buffer itself, not a copy of it
}

void fail_empty_input(const std::string &name, std::string_view what) {
  throw util::Error(util::ExitCode::data, util::Position{name, 0, 0},
                    fmt::format("empty input (no {})", what));
}

void require_yaml_document(const std::string &name, std::string_view content) {
  if (content.substr(0, 3) == "\xEF\xBB\xBF") {
    content.remove_prefix(3);
  }
  while (!content.empty()) {
    const auto end = content.find_first_of("\r\n");
    if (!holds_nothing(content.substr(0, end))) {
      return;
    }
    content.remove_prefix(end == std::string_view::npos ? content.size() : end + 1);
  }
  fail_empty_input(name, "document");
}

namespace {

/// A `.csv` file is read in blocks as it is parsed: a million payments never sit in memory whole.
void read_csv_file(const std::string &path, DocumentConsumer &consumer) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    no_input(path, std::strerror(errno));
  }
  struct Closer {
    int fd;
    ~Closer() { ::close(fd); }
  } closer{fd};
  if (struct stat info{}; ::fstat(fd, &info) == 0) {
    util::record_input(path, info, path);
  }
  CsvReader reader(fd, intern_file_name(path));
  consumer.on_csv(reader);
}

/// Whether `path` names a regular file, which can be read again; standard input, a pipe or a
/// device cannot.
bool regular_file(const std::string &path) {
  struct stat status {};
  return path != "-" && ::stat(path.c_str(), &status) == 0 && S_ISREG(status.st_mode);
}

/// The content of an input that cannot be read twice, kept from its first reading for the life
/// of the process: a second reading of the same inputs (model::Ledger's exact checks) sees the
/// same bytes.
const std::string &kept_content(const std::string &path) {
  static std::map<std::string, std::string> kept;
  auto found = kept.find(path);
  if (found == kept.end()) {
    found = kept.emplace(path, read_file(path)).first;
  }
  return found->second;
}

} // namespace

namespace {

/// Fails: file name `path` holds, at `at`, what find_non_utf8 refuses.
[[noreturn]] void fail_file_name(const std::string &path, std::size_t at) {
  std::size_t next = at;
  const char32_t code = util::next_code_point(path, next);
  const bool stray_byte = next - at == 1 && static_cast<unsigned char>(path[at]) >= 0x80;
  const std::string what =
      stray_byte ? fmt::format("byte 0x{:02X}, which is not UTF-8 text",
                               static_cast<unsigned char>(path[at]))
                 : fmt::format("{} U+{:04X}",
                               util::is_bidi_control(code) ? "the bidirectional control character"
                                                           : "the control character",
                               static_cast<std::uint32_t>(code));
  throw util::Error(util::ExitCode::data,
                    fmt::format("the file name '{}...' holds, after its first {} {}, {}: "
                                "rename the file (isukit writes the names of its inputs into its "
                                "messages and outputs)",
                                path.substr(0, at), at, at == 1 ? "byte" : "bytes", what));
}

} // namespace

std::string input_name(const std::string &path) {
  if (path == "-") {
    return stdin_name;
  }
  if (const std::size_t at = util::find_non_utf8(path); at != std::string::npos) {
    fail_file_name(path, at);
  }
  return path;
}

InputsRead read_inputs(const std::vector<std::string> &args, DocumentConsumer &consumer) {
  KindRecorder recorder(consumer);
  for (const auto &path : expand_inputs(args)) {
    const bool regular = regular_file(path);
    const bool csv_name = path != "-" && has_extension(path, ".csv");
    if (regular && csv_name) {
      read_csv_file(path, recorder);
      continue;
    }
    const std::string name = input_name(path);
    std::string read;
    const std::string &content = regular ? (read = read_file(path)) : kept_content(path);
    const bool yaml_name = has_extension(path, ".yaml") || has_extension(path, ".yml");
    if (csv_name || (!yaml_name && looks_like_csv(content))) {
      CsvReader reader(content, intern_file_name(name));
      recorder.on_csv(reader);
    } else {
      require_yaml_document(name, content);
      const std::size_t before = recorder.documents;
      read_yaml_cached(name, content, recorder);
      if (recorder.documents == before) { // what the parser reads as a comment (lone CRs)
        fail_empty_input(name, "document");
      }
    }
  }
  return std::move(recorder.read);
}

} // namespace isukit::io
