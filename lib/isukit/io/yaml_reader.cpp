#include <isukit/io/csv_reader.hpp>
#include <isukit/io/yaml_reader.hpp>
#include <isukit/util/text_encoding.hpp>

#include <fmt/format.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

#include <algorithm>
#include <optional>
#include <sstream>

namespace isukit::io {

namespace {

/// Limits a hostile file cannot pass (each an error at the place it is passed). No isukit
/// document nests more than a few levels, has a value longer than a paragraph or comes in
/// thousands per file; the limits keep memory and time proportional to sensible input.
constexpr std::size_t max_depth = 64;                            // nested mappings and sequences
constexpr std::size_t max_scalar_bytes = 64 * std::size_t{1024}; // one value
constexpr std::size_t max_key_bytes = 1024;  // one key: YAML's limit on an implicit key
constexpr std::size_t max_documents = 10000; // documents in one file or stream

/// Builds one document from events. A frame is an open mapping or sequence; in a mapping,
/// scalars alternate between key and value.
class TreeBuilder : public YAML::EventHandler {
public:
  TreeBuilder(const std::string *file, DocumentConsumer &consumer)
      : m_file(file), m_consumer(consumer) {}

  void OnDocumentStart(const YAML::Mark &mark) override {
    if (++m_documents > max_documents) {
      util::fail_data(to_mark(mark).position(),
                      fmt::format("more than {} documents in one file", max_documents));
    }
    m_root = Node();
    m_kind.clear();
    m_stream_key = {};
    m_start = to_mark(mark);
  }

  void OnDocumentEnd() override {
    if (!m_root.is_mapping()) {
      const Mark mark = m_root.mark().line > 0 ? m_root.mark() : m_start;
      util::fail_data(
          mark.position(),
          fmt::format("expected a mapping whose first key is 'kind', got {}", describe(m_root)));
    }
    if (m_kind.empty()) {
      util::fail_data(m_root.mark().position(), "document has no 'kind'");
    }
    m_consumer.on_document(Document{m_kind, std::move(m_root)});
  }

  void OnNull(const YAML::Mark &mark, YAML::anchor_t) override {
    place(Node::container(Node::Type::null, to_mark(mark)));
  }

  void OnAlias(const YAML::Mark &mark, YAML::anchor_t) override {
    util::fail_data(to_mark(mark).position(), "YAML aliases are not supported; write the value");
  }

  void OnScalar(const YAML::Mark &mark, const std::string &tag, YAML::anchor_t,
                const std::string &value) override {
    if (value.size() > max_scalar_bytes) {
      util::fail_data(to_mark(mark).position(),
                      fmt::format("a value of {} bytes; at most {} are accepted", value.size(),
                                  max_scalar_bytes));
    }
    // The file's bytes were checked (util::require_utf8); an escape in a quoted value ("\e",
    // "\u001B", "\0", "\u202E") can still make a control character, which would pass into
    // tables, CSV and letters.
    if (auto bad = util::find_non_utf8(value); bad != std::string::npos) {
      refuse_escaped(mark, util::next_code_point(value, bad));
    }
    // yaml-cpp tags a quoted scalar "!" and a plain one "?"; `!!str` says "text" explicitly.
    // Every value is read as text and parsed by the field that uses it, so any other tag
    // (`!!null 1000.00`, `!!int`, `!custom`) would change nothing: it is refused rather than
    // ignored.
    if (tag != "?" && tag != "!" && tag != str_tag) {
      refuse_tag(mark, tag, "text takes no tag but !!str");
    }
    const auto style = tag == "?" ? Node::Style::string : Node::Style::quoted;
    place(Node::scalar(value, style, to_mark(mark)));
  }

  void OnSequenceStart(const YAML::Mark &mark, const std::string &tag, YAML::anchor_t,
                       YAML::EmitterStyle::value) override {
    if (tag != "?" && tag != "tag:yaml.org,2002:seq") {
      refuse_tag(mark, tag, "a list takes no tag");
    }
    open(Node::container(Node::Type::sequence, to_mark(mark)));
  }
  void OnSequenceEnd() override { close(); }

  void OnMapStart(const YAML::Mark &mark, const std::string &tag, YAML::anchor_t,
                  YAML::EmitterStyle::value) override {
    if (tag != "?" && tag != "tag:yaml.org,2002:map") {
      refuse_tag(mark, tag, "a mapping takes no tag");
    }
    open(Node::container(Node::Type::mapping, to_mark(mark)));
  }
  void OnMapEnd() override { close(); }

private:
  struct Frame {
    Node *node;
    bool streams_records = false; // the sequence whose items go to on_record
    std::optional<Node> pending_key;
  };

  static constexpr std::string_view str_tag = "tag:yaml.org,2002:str";

  [[noreturn]] void refuse_tag(const YAML::Mark &mark, std::string_view tag,
                               std::string_view rule) const {
    constexpr std::string_view core = "tag:yaml.org,2002:";
    const std::string shown = tag.substr(0, core.size()) == core
                                  ? "!!" + std::string(tag.substr(core.size()))
                                  : std::string(tag);
    util::fail_data(
        to_mark(mark).position(),
        fmt::format("YAML tag '{}' is not accepted: {} (isukit reads every value as text "
                    "and checks it itself)",
                    shown, rule));
  }

  /// A value whose escape made control character `code`: an error at the value naming it.
  [[noreturn]] void refuse_escaped(const YAML::Mark &mark, char32_t code) const {
    util::fail_data(
        to_mark(mark).position(),
        util::is_bidi_control(code)
            ? fmt::format("the value holds an escape: {}", util::bidi_control_reason(code))
            : fmt::format("the value holds control character U+{:04X}, written as an escape: only "
                          "tab and line ends are text",
                          static_cast<std::uint32_t>(code)));
  }

  Mark to_mark(const YAML::Mark &mark) const {
    return Mark{m_file, mark.line + 1, mark.column + 1};
  }

  /// Puts a finished scalar (or null) where it belongs.
  void place(Node value) {
    if (m_frames.empty()) {
      m_root = std::move(value);
      return;
    }
    Frame &frame = m_frames.back();
    if (frame.node->is_mapping() && !frame.pending_key) {
      if (!value.is_scalar()) {
        value.fail("a mapping key must be plain text");
      }
      // Longer, a key could be read only in YAML's explicit `? key` form, which the writers
      // do not write (the documents fuzzer: a long key read back as "illegal map value").
      if (value.text().size() > max_key_bytes) {
        value.fail(fmt::format("a key of {} bytes; at most {} are accepted", value.text().size(),
                               max_key_bytes));
      }
      if (frame.node->find(value.text())) {
        value.fail(fmt::format("duplicate key '{}'", value.text()));
      }
      if (frame.node == &m_root && m_root.entries().empty() && value.text() != "kind") {
        value.fail(
            fmt::format("the first key of a document must be 'kind', got '{}'", value.text()));
      }
      frame.pending_key = std::move(value);
      return;
    }
    if (frame.streams_records) {
      m_consumer.on_record(m_kind, m_root,
                           value); // not a mapping: the consumer says what it expected
      return;
    }
    attach(std::move(value));
  }

  /// Adds a value to the innermost container and returns where it now lives.
  Node *attach(Node value) {
    Frame &frame = m_frames.back();
    if (frame.streams_records) {
      m_record = std::move(value);
      return &m_record;
    }
    if (frame.node->is_sequence()) {
      return &frame.node->push(std::move(value));
    }
    Node key = std::move(*frame.pending_key);
    frame.pending_key.reset();
    const bool top_level = frame.node == &m_root;
    if (top_level && key.text() == "kind") {
      m_kind = value.as_text();
      m_stream_key = m_consumer.streamed_list(m_kind, value);
    }
    Node &added = frame.node->add(key.text(), std::move(value), key.mark());
    return &added;
  }

  void open(Node container) {
    if (m_frames.size() >= max_depth) {
      container.fail(fmt::format("nested more than {} levels deep", max_depth));
    }
    const Node::Type type = container.type();
    if (m_frames.empty()) {
      m_root = std::move(container);
      m_frames.push_back(Frame{&m_root, false, std::nullopt});
      return;
    }
    Frame &parent = m_frames.back();
    if (parent.node->is_mapping() && !parent.pending_key) {
      container.fail("a mapping key must be plain text");
    }
    const bool streams = type == Node::Type::sequence && parent.node == &m_root &&
                         !m_stream_key.empty() && parent.pending_key->text() == m_stream_key;
    const bool record = parent.streams_records;
    Node *placed = attach(std::move(container));
    m_frames.push_back(Frame{placed, streams, std::nullopt});
    m_in_record.push_back(record);
  }

  void close() {
    m_frames.pop_back();
    if (m_in_record.empty()) {
      return;
    }
    const bool was_record = m_in_record.back();
    m_in_record.pop_back();
    if (was_record) {
      m_consumer.on_record(m_kind, m_root, m_record);
      m_record = Node();
    }
  }

  const std::string *m_file;
  DocumentConsumer &m_consumer;
  Node m_root;
  Node m_record;
  Mark m_start;
  std::string m_kind;
  std::string_view m_stream_key;
  std::vector<Frame> m_frames;
  std::vector<bool> m_in_record; // per open non-root container: is it a streamed record?
  std::size_t m_documents = 0;
};

/// yaml-cpp's column of an error, at most one past the end of its line: at the end of the input
/// it can point two past (the budget_rules fuzzer: a backslash ending a quoted scalar).
int within_line(std::string_view text, int line, int column) {
  std::size_t start = 0;
  for (int i = 0; i < line && start != std::string_view::npos; ++i) {
    start = text.find('\n', start);
    start = start == std::string_view::npos ? start : start + 1;
  }
  if (start == std::string_view::npos) {
    return column;
  }
  const std::size_t end = std::min(text.find('\n', start), text.size());
  return std::min(column, static_cast<int>(end - start));
}

/// `text` with each lone CR (the line end of old Mac files) made LF. YAML 1.2 (5.4, b-break)
/// reads CR, LF and CR LF alike as a line break; yaml-cpp knows only LF and CR LF, and read
/// `kind: payments` CR `currency: USD` as one line ("unknown kind 'paymentscurrency'").
std::string with_line_feeds(std::string_view text) {
  std::string result(text);
  for (std::size_t at = result.find('\r'); at != std::string::npos;
       at = result.find('\r', at + 1)) {
    if (at + 1 == result.size() || result[at + 1] != '\n') {
      result[at] = '\n';
    }
  }
  return result;
}

} // namespace

void DocumentConsumer::on_csv(CsvReader &reader) {
  util::fail_data(util::Position{*reader.file(), 0, 0}, "CSV input is not accepted here");
}

void read_yaml(std::string_view input, const std::string &file_name, DocumentConsumer &consumer) {
  util::require_utf8(input, file_name);
  const std::string text = with_line_feeds(input);
  std::istringstream in{text};
  const std::string *file = intern_file_name(file_name);
  TreeBuilder builder(file, consumer);
  try {
    YAML::Parser parser(in);
    while (parser.HandleNextDocument(builder)) {
    }
  } catch (const YAML::Exception &e) {
    util::fail_data(
        Mark{file, e.mark.line + 1, within_line(text, e.mark.line, e.mark.column) + 1}.position(),
        fmt::format("YAML syntax error: {}", e.msg));
  }
}

} // namespace isukit::io
