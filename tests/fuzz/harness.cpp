#include "harness.hpp"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>

namespace fuzz {

namespace fs = std::filesystem;

void violated(const std::string &what) {
  std::fprintf(stderr, "invariant violated: %s\n", what.c_str());
  std::abort();
}

const isukit::model::Reference &reference() {
  static const isukit::model::Reference loaded = [] {
    setenv("ISUKIT_CACHE", "off", 1); // a harness never reads or writes the user's cache
    return isukit::model::Reference::load(ISUKIT_SOURCE_DATADIR);
  }();
  return loaded;
}

isukit::util::Lang lang(const std::string &code) {
  const auto found = reference().languages.find(code);
  if (!found) {
    violated("no language " + code + " in the shipped data");
  }
  return *found;
}

std::vector<isukit::util::Lang> languages() {
  std::vector<isukit::util::Lang> all;
  for (const auto &code : reference().languages.codes()) {
    all.push_back(lang(code));
  }
  return all;
}

const isukit::model::Treaty &treaty(const std::string &id) {
  static std::map<std::string, isukit::model::Treaty> loaded;
  auto it = loaded.find(id);
  if (it == loaded.end()) {
    const auto path = fs::path(ISUKIT_SOURCE_DATADIR) / "treaties" / (id + ".yaml");
    it = loaded.emplace(id, reference().load_treaty(path)).first;
  }
  return it->second;
}

namespace {

struct Collector : isukit::io::DocumentConsumer {
  std::vector<isukit::io::Document> documents;
  std::string_view streamed_list(const std::string &, const isukit::io::Node &) override {
    return {};
  }
  void on_record(const std::string &, const isukit::io::Node &, const isukit::io::Node &) override {
  }
  void on_document(isukit::io::Document document) override {
    documents.push_back(std::move(document));
  }
};

} // namespace

std::vector<isukit::io::Document> read_documents(std::string_view text, const std::string &name) {
  Collector collector;
  isukit::io::read_yaml(text, name, collector);
  return std::move(collector.documents);
}

std::string scratch_file(std::string_view name, std::string_view bytes) {
  static const fs::path dir = [] {
    std::string pattern = (fs::temp_directory_path() / "isukit-fuzz-XXXXXX").string();
    if (!mkdtemp(pattern.data())) {
      violated("cannot make a scratch directory");
    }
    return fs::path(pattern);
  }();
  const fs::path path = dir / name;
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  if (!out.flush()) {
    violated("cannot write " + path.string());
  }
  return path.string();
}

namespace {

/// The length of line `line` (1-based) of `input`, or -1 when there is no such line. Lines end
/// at LF, CRLF and a lone CR.
long line_length(std::string_view input, int line) {
  std::size_t start = 0;
  const char *breaks = "\r\n";
  const auto end_of = [&](std::size_t from) {
    return std::min(input.find_first_of(breaks, from), input.size());
  };
  for (int i = 1; i < line; ++i) {
    const auto end = end_of(start);
    if (end == input.size()) {
      return -1;
    }
    start = end + (input.compare(end, 2, "\r\n") == 0 ? 2 : 1);
  }
  return static_cast<long>(end_of(start) - start);
}

} // namespace

void check_data_error(const isukit::util::Error &error, std::string_view input,
                      const std::string &file) {
  const std::string what = error.located_message();
  if (is_about_the_whole_input(error)) {
    return;
  }
  require(error.code() == isukit::util::ExitCode::data, "exit status not 65: " + what);
  const auto &position = error.position();
  require(position.file == file, "error not located in the input file: " + what);
  if (error.message().rfind("empty input (no header row)", 0) == 0) {
    // A CSV without even its header row is named as a whole (io::read_inputs): it must be blank
    // after its byte-order mark, if any (a BOM alone is no text).
    const std::string_view text = input.starts_with("\xEF\xBB\xBF") ? input.substr(3) : input;
    require(text.find_first_not_of(" \t\r\n") == std::string_view::npos,
            "a CSV with text called empty: " + what);
    return;
  }
  if (error.message().rfind("empty input (", 0) == 0) {
    return; // a document holding only comments, directives or markers, named as a whole
  }
  require(position.line >= 1, "error without a line: " + what);
  const long length = line_length(input, position.line);
  require(length >= 0, "error line past the end of the input: " + what);
  require(position.column >= 1 && position.column <= length + 1,
          "error column outside its line: " + what);
}

bool is_about_the_whole_input(const isukit::util::Error &error) {
  const auto &message = error.message();
  return (error.code() == isukit::util::ExitCode::no_input && error.position().line == 0) ||
         (error.code() == isukit::util::ExitCode::data && error.position().file.empty() &&
          message.rfind("nothing to compute from: ", 0) == 0);
}

} // namespace fuzz
