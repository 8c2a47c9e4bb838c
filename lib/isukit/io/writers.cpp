#include <isukit/io/writers.hpp>
#include <isukit/util/text.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <optional>

namespace isukit::io {

namespace {

/// What a character can mean at the start of a plain scalar or within one: every scalar and
/// key written is checked, so a table says it in one look-up a character.
enum CharClass : unsigned char {
  plain_char = 0,
  first_special = 1, // an indicator or space: quoted when it begins the text
  inner_special = 2, // ':' before a space, '#' after one, a control character
  word_start = 4,    // may begin true, false, yes, no, on, off, null, ~, y, n
};

constexpr std::array<unsigned char, 256> char_classes() {
  std::array<unsigned char, 256> classes{};
  for (const char c : std::string_view("-?:,[]{}#&*!|>'\"%@` ")) {
    classes[static_cast<unsigned char>(c)] |= first_special;
  }
  for (int c = 0; c < 0x20; ++c) {
    classes[static_cast<std::size_t>(c)] |= inner_special;
  }
  classes[0x7f] |= inner_special;
  classes[':'] |= inner_special;
  classes['#'] |= inner_special;
  for (const char c : std::string_view("tfynoTFYNO~")) {
    classes[static_cast<unsigned char>(c)] |= word_start;
  }
  return classes;
}

constexpr std::array<unsigned char, 256> char_class = char_classes();

unsigned char class_of(char c) {
  return char_class[static_cast<unsigned char>(c)];
}

/// One of the words YAML 1.1 or 1.2 reads as a boolean or null, in any case.
bool is_special_word(std::string_view text) {
  static constexpr std::string_view special_words[] = {"true", "false", "yes", "no", "on",
                                                       "off",  "null",  "~",   "y",  "n"};
  // Only a short text can be one of them: lowered on the stack, no copy of every scalar written.
  if (text.size() > 5 || !(class_of(text.front()) & word_start)) {
    return false;
  }
  char lowered[5];
  std::transform(text.begin(), text.end(), lowered,
                 [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; });
  return std::find(std::begin(special_words), std::end(special_words),
                   std::string_view(lowered, text.size())) != std::end(special_words);
}

/// True where a plain YAML scalar would not read back as this same string.
bool needs_quotes(std::string_view text) {
  if (text.empty() || is_special_word(text)) {
    return true;
  }
  const char first = text.front();
  // Anything that starts like a number or date could be read as one (1e6, 0x1F, 2025-08-31).
  if ((first >= '0' && first <= '9') || first == '+' || first == '.' ||
      (first == '-' && text.size() > 1 && ((text[1] >= '0' && text[1] <= '9') || text[1] == '.'))) {
    return true;
  }
  if ((class_of(first) & first_special) || text.back() == ' ' || text.back() == ':') {
    return true;
  }
  // ": ", " #" and control characters anywhere.
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (!(class_of(text[i]) & inner_special)) {
      continue;
    }
    const char c = text[i];
    if ((c != ':' && c != '#') || (c == ':' && i + 1 < text.size() && text[i + 1] == ' ') ||
        (c == '#' && i > 0 && text[i - 1] == ' ')) {
      return true;
    }
  }
  return false;
}

/// The escape of a character inside double quotes (YAML and JSON share them), or none.
std::optional<std::string> escape(unsigned char c) {
  switch (c) {
  case '"':
    return "\\\"";
  case '\\':
    return "\\\\";
  case '\n':
    return "\\n";
  case '\t':
    return "\\t";
  case '\r':
    return "\\r";
  default:
    return c < 0x20 ? std::optional<std::string>(fmt::format("\\u{:04x}", c)) : std::nullopt;
  }
}

/// Appends `text` double-quoted, with the escapes YAML and JSON share; the runs between escapes
/// are appended whole.
void append_double_quoted(std::string_view text, std::string &out) {
  out += '"';
  std::size_t run = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c >= 0x20 && c != '"' && c != '\\') {
      continue;
    }
    out.append(text.substr(run, i - run));
    out += *escape(c);
    run = i + 1;
  }
  out.append(text.substr(run));
  out += '"';
}

/// A double-quoted string with the escapes YAML and JSON share.
std::string double_quoted(std::string_view text) {
  std::string out;
  append_double_quoted(text, out);
  return out;
}

/// Appends the scalar as YAML writes it.
void write_yaml_scalar(const Node &node, std::string &out) {
  if (node.is_null()) {
    out += "null";
    return;
  }
  const auto style = node.style();
  const bool plain = style == Node::Style::number || style == Node::Style::boolean ||
                     (style != Node::Style::quoted && !needs_quotes(node.text()));
  if (plain) {
    out += node.text();
  } else {
    append_double_quoted(node.text(), out);
  }
}

bool is_empty_container(const Node &node) {
  return (node.is_mapping() && node.entries().empty()) ||
         (node.is_sequence() && node.items().empty());
}

std::string empty_container(const Node &node) {
  return node.is_mapping() ? "{}" : "[]";
}

void write_yaml(const Node &node, int indent, std::string &out, bool on_dash_line = false);

/// Writes `value` after "key:" or "-", which the caller has written.
void write_yaml_value(const Node &value, int indent, std::string &out) {
  if (value.is_scalar() || value.is_null()) {
    out += ' ';
    write_yaml_scalar(value, out);
    out += '\n';
  } else if (is_empty_container(value)) {
    out += ' ';
    out += empty_container(value);
    out += '\n';
  } else {
    out += '\n';
    write_yaml(value, indent, out);
  }
}

/// The longest implicit key YAML allows, in characters; bytes here, which only errs short.
constexpr std::size_t max_implicit_key = 1024;

/// Appends a mapping's key, quoted where a plain one would not read back the same; `pad` is the
/// mapping's indent, for a key that must be written explicit.
void write_yaml_key(const std::string &key, std::size_t pad, std::string &out) {
  // Year keys ({2021: ...}) stay bare; readers take keys as text either way.
  const bool digits = !key.empty() && std::all_of(key.begin(), key.end(),
                                                  [](char c) { return c >= '0' && c <= '9'; });
  const bool plain = digits || !needs_quotes(key);
  if (plain && key.size() <= max_implicit_key) { // nearly every key: written without a copy
    out += key;
    return;
  }
  const std::string written = plain ? key : double_quoted(key);
  if (written.size() > max_implicit_key) {
    // YAML 1.2 section 7.4 limits an implicit key to 1024 characters (yaml-cpp refuses a
    // longer one); escapes can take a key the reader accepted past it: write it explicit.
    out += "? " + written + '\n';
    out.append(pad, ' ');
  } else {
    out += written;
  }
}

/// `on_dash_line`: the mapping's first key follows a list item's "- ", already written.
void write_yaml(const Node &node, int indent, std::string &out, bool on_dash_line) {
  const auto pad = static_cast<std::size_t>(indent);
  if (node.is_mapping()) {
    for (const auto &entry : node.entries()) {
      if (!on_dash_line || &entry != &node.entries().front()) {
        out.append(pad, ' ');
      }
      write_yaml_key(entry.key, pad, out);
      out += ':';
      // Lists under a key are not indented further (the common YAML style).
      write_yaml_value(entry.value, entry.value.is_sequence() ? indent : indent + 2, out);
    }
    return;
  }
  for (const auto &item : node.items()) {
    out.append(pad, ' ');
    out += '-';
    if (item.is_mapping() && !item.entries().empty()) {
      // The first key shares the dash's line.
      out += ' ';
      write_yaml(item, indent + 2, out, true);
    } else {
      write_yaml_value(item, indent + 2, out);
    }
  }
}

void write_json(const Node &node, int indent, std::string &out) {
  const std::string pad(static_cast<std::size_t>(indent) + 2, ' ');
  if (node.is_null()) {
    out += "null";
  } else if (node.is_scalar()) {
    if (node.style() == Node::Style::number || node.style() == Node::Style::boolean) {
      out += node.text();
    } else {
      append_double_quoted(node.text(), out);
    }
  } else if (is_empty_container(node)) {
    out += empty_container(node);
  } else if (node.is_mapping()) {
    out += "{\n";
    bool first = true;
    for (const auto &entry : node.entries()) {
      out += first ? "" : ",\n";
      first = false;
      out += pad;
      out += double_quoted(entry.key);
      out += ": ";
      write_json(entry.value, indent + 2, out);
    }
    out += '\n' + std::string(static_cast<std::size_t>(indent), ' ') + '}';
  } else {
    out += "[\n";
    bool first = true;
    for (const auto &item : node.items()) {
      out += first ? "" : ",\n";
      first = false;
      out += pad;
      write_json(item, indent + 2, out);
    }
    out += '\n' + std::string(static_cast<std::size_t>(indent), ' ') + ']';
  }
}

} // namespace

std::string to_yaml(const std::vector<Node> &documents) {
  std::string out;
  for (const auto &document : documents) {
    out += "---\n";
    write_yaml(document, 0, out);
  }
  return out;
}

std::string to_json(const std::vector<Node> &documents) {
  std::string out;
  if (documents.size() == 1) {
    write_json(documents.front(), 0, out);
  } else {
    Node list = Node::sequence();
    for (const auto &document : documents) {
      list.push(document);
    }
    write_json(list, 0, out);
  }
  out += '\n';
  return out;
}

} // namespace isukit::io
