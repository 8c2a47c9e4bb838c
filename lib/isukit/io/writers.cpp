#include <isukit/io/writers.hpp>
#include <isukit/util/text.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <cctype>

namespace isukit::io {

namespace {

/// True where a plain YAML scalar would not read back as this same string.
bool needs_quotes(std::string_view text) {
  if (text.empty()) {
    return true;
  }
  static constexpr std::string_view special_words[] = {"true", "false", "yes", "no", "on",
                                                       "off",  "null",  "~",   "y",  "n"};
  // Only a short text can be one of them: lowered on the stack, no copy of every scalar written.
  if (text.size() <= 5) {
    char lowered[5];
    std::transform(text.begin(), text.end(), lowered,
                   [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; });
    if (std::find(std::begin(special_words), std::end(special_words),
                  std::string_view(lowered, text.size())) != std::end(special_words)) {
      return true;
    }
  }
  const char first = text.front();
  // Anything that starts like a number or date could be read as one (1e6, 0x1F, 2025-08-31).
  if ((first >= '0' && first <= '9') || first == '+' || first == '.' ||
      (first == '-' && text.size() > 1 && ((text[1] >= '0' && text[1] <= '9') || text[1] == '.'))) {
    return true;
  }
  if (std::string_view("-?:,[]{}#&*!|>'\"%@` ").find(first) != std::string_view::npos) {
    return true;
  }
  if (text.back() == ' ' || text.back() == ':') {
    return true;
  }
  // One pass for ": ", " #" and control characters (every scalar written comes here).
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x20 || c == 0x7f || (c == ':' && i + 1 < text.size() && text[i + 1] == ' ') ||
        (c == '#' && i > 0 && text[i - 1] == ' ')) {
      return true;
    }
  }
  return false;
}

/// A double-quoted string with the escapes YAML and JSON share.
std::string double_quoted(std::string_view text) {
  std::string out = "\"";
  for (const unsigned char c : text) {
    switch (c) {
    case '"':
      out += "\\\"";
      break;
    case '\\':
      out += "\\\\";
      break;
    case '\n':
      out += "\\n";
      break;
    case '\t':
      out += "\\t";
      break;
    case '\r':
      out += "\\r";
      break;
    default:
      if (c < 0x20) {
        out += fmt::format("\\u{:04x}", c);
      } else {
        out += static_cast<char>(c);
      }
    }
  }
  out += '"';
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
    out += double_quoted(node.text());
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
  const bool digits = !key.empty() && key.find_first_not_of("0123456789") == std::string::npos;
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
      out += double_quoted(node.text());
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
