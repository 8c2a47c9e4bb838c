#include <isukit/io/inputs.hpp>
#include <isukit/io/letters.hpp>
#include <isukit/io/render.hpp>
#include <isukit/util/atomic_batch.hpp>
#include <isukit/util/text_encoding.hpp>

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <kainjow/mustache.hpp>

#include <algorithm>

namespace isukit::io {

namespace {

namespace mustache = kainjow::mustache;

std::filesystem::path without_mustache_suffix(const std::filesystem::path &name) {
  return name.extension() == ".mustache" ? name.stem() : name;
}

mustache::data to_data(const Node &node) {
  if (node.is_mapping()) {
    mustache::data object{mustache::data::type::object};
    for (const auto &entry : node.entries()) {
      object.set(entry.key, to_data(entry.value));
    }
    return object;
  }
  if (node.is_sequence()) {
    mustache::data list{mustache::data::type::list};
    for (const auto &item : node.items()) {
      list.push_back(to_data(item));
    }
    return list;
  }
  if (node.is_null()) {
    return mustache::data(false);
  }
  if (node.style() == Node::Style::boolean) {
    return mustache::data(node.text() == "true");
  }
  return mustache::data(node.text());
}

/// A tag naming a field, where it starts in the template (1-based; column in characters).
struct FieldTag {
  std::string name; // as written, dotted or not
  int line = 1;
  int column = 1;
};

std::string_view trimmed(std::string_view text) {
  const auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) {
    return {};
  }
  return text.substr(first, text.find_last_not_of(" \t\r\n") - first + 1);
}

/// The field a tag's inside (between its braces) names; empty for a comment or closing tag
/// (its opening tag names the field already). A partial, which Mustache would render as
/// nothing (no other template is ever looked up), is refused as a misspelt field is.
std::string_view tag_field(std::string_view inside, bool triple, const util::Position &at) {
  inside = trimmed(inside);
  if (triple || inside.empty()) {
    return inside;
  }
  switch (inside.front()) {
  case '!':
  case '/':
    return {};
  case '>':
    throw util::Error(util::ExitCode::data, at,
                      "partials ({{> NAME}}) are not supported in a letter template: it is one "
                      "file, so put the text in it");
  case '=':
    throw util::Error(util::ExitCode::data, at,
                      "set-delimiter tags ({{=...=}}) are not supported in a letter template");
  case '#':
  case '^':
  case '&':
    return trimmed(inside.substr(1));
  default:
    return inside;
  }
}

/// The field tags of `text`, in order. Tags are found as Mustache's default delimiters mark
/// them; kainjow has parsed the text already, so every tag is closed.
std::vector<FieldTag> field_tags(std::string_view text, const std::string &file) {
  std::vector<FieldTag> tags;
  int line = 1;
  int column = 1;
  const auto pass = [&](std::size_t from, std::size_t to) {
    for (std::size_t k = from; k < to; ++k) {
      if (text[k] == '\n') {
        ++line;
        column = 1;
      } else if ((static_cast<unsigned char>(text[k]) & 0xC0) != 0x80) {
        ++column; // a UTF-8 sequence is one character
      }
    }
  };
  std::size_t done = 0;
  for (std::size_t open = text.find("{{"); open != std::string_view::npos;
       open = text.find("{{", done)) {
    pass(done, open);
    const bool triple = text.compare(open, 3, "{{{") == 0;
    const std::string_view closing = triple ? "}}}" : "}}";
    const std::size_t inside = open + closing.size();
    const std::size_t close = text.find(closing, inside);
    if (close == std::string_view::npos) {
      break;
    }
    const std::string_view field =
        tag_field(text.substr(inside, close - inside), triple, {file, line, column});
    if (!field.empty()) {
      tags.push_back(FieldTag{std::string(field), line, column});
    }
    done = close + closing.size();
    pass(open, done);
  }
  return tags;
}

/// "state.name": {state, name}; "." (the current item) names no field.
std::vector<std::string> name_parts(const std::string &name) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  while (start <= name.size()) {
    const std::size_t dot = std::min(name.find('.', start), name.size());
    if (dot > start) {
      parts.push_back(name.substr(start, dot - start));
    }
    start = dot + 1;
  }
  return parts;
}

void add_context_fields(const Node &node, std::set<std::string> &fields) {
  if (node.is_mapping()) {
    for (const auto &entry : node.entries()) {
      fields.insert(entry.key);
      add_context_fields(entry.value, fields);
    }
  } else if (node.is_sequence()) {
    for (const auto &item : node.items()) {
      add_context_fields(item, fields);
    }
  }
}

/// Characters that open markup wherever they are.
bool is_markdown_special(char c) {
  return std::string_view("\\`*_{}[]<>#|~&").find(c) != std::string_view::npos;
}

} // namespace

std::string escape_markdown(std::string_view text) {
  std::string result;
  result.reserve(text.size());
  bool line_start = true; // only digits so far: a following . or ) would open a numbered list
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\r' || c == '\n') {
      if (!(c == '\n' && i > 0 && text[i - 1] == '\r')) {
        result += ' ';
      }
      continue;
    }
    const bool ends_item_number = i + 1 == text.size() || text[i + 1] == ' ';
    const bool opens_list = (i == 0 && (c == '-' || c == '+')) ||
                            (i > 0 && line_start && (c == '.' || c == ')') && ends_item_number);
    if (is_markdown_special(c) || opens_list) {
      result += '\\';
    }
    result += c;
    if (c < '0' || c > '9') {
      line_start = false;
    }
  }
  return result;
}

Escape escape_for(const std::filesystem::path &output_name) {
  const auto ext = without_mustache_suffix(output_name).extension();
  if (ext == ".html" || ext == ".htm") {
    return Escape::html;
  }
  if (ext == ".tex") {
    return Escape::latex;
  }
  if (ext == ".md" || ext == ".markdown") {
    return Escape::markdown;
  }
  return Escape::none;
}

LetterTemplate LetterTemplate::load(const std::filesystem::path &path) {
  return from_text(read_file(path.string()), input_name(path.string()));
}

LetterTemplate LetterTemplate::from_text(std::string text, std::string name) {
  util::require_utf8(text, name); // a user's --template, like every input, is UTF-8 text
  if (text.find_first_not_of(" \t\r\n") == std::string::npos) {
    fail_empty_input(name, "template text"); // it would write every letter blank
  }
  const mustache::mustache parsed(text);
  if (!parsed.is_valid()) {
    throw util::Error(util::ExitCode::data, util::Position{name, 0, 0},
                      fmt::format("bad template: {}", parsed.error_message()));
  }
  LetterTemplate result;
  result.m_text = std::move(text);
  result.m_name = std::move(name);
  return result;
}

std::string LetterTemplate::output_extension() const {
  const auto ext = without_mustache_suffix(std::filesystem::path(m_name).filename()).extension();
  return ext.empty() ? ".txt" : ext.string();
}

namespace {

/// Runs of blank lines made one: a Mustache section that is false keeps the line of its tags
/// (kainjow's engine), so a letter choosing one paragraph of three had two blank lines too many.
/// Only in Markdown, where several blank lines mean what one means and a value never holds a line
/// end (escape_markdown); HTML and LaTeX ignore the extra lines, and a value's own lines stay.
void collapse_blank_lines(std::string &text) {
  std::string out;
  out.reserve(text.size());
  bool previous_blank = false;
  for (std::size_t start = 0; start < text.size();) {
    const std::size_t end = std::min(text.find('\n', start), text.size());
    const std::string_view line(text.data() + start, end - start);
    const bool blank = line.find_first_not_of(" \t\r") == std::string_view::npos;
    if (!(blank && previous_blank)) {
      out.append(line);
      if (end < text.size()) {
        out += '\n';
      }
    }
    previous_blank = blank;
    start = end + 1;
  }
  text = std::move(out);
}

} // namespace

std::string LetterTemplate::render(const Node &context) const {
  mustache::mustache parsed(m_text);
  switch (escape_for(std::filesystem::path(m_name).filename())) {
  case Escape::html:
    parsed.set_custom_escape([](const std::string &s) { return escape_html(s); });
    break;
  case Escape::latex:
    parsed.set_custom_escape([](const std::string &s) { return escape_latex(s); });
    break;
  case Escape::markdown:
    parsed.set_custom_escape([](const std::string &s) { return escape_markdown(s); });
    break;
  case Escape::none:
    parsed.set_custom_escape([](const std::string &s) { return s; });
    break;
  }
  std::string text = parsed.render(to_data(context));
  if (!parsed.is_valid()) {
    throw util::Error(util::ExitCode::data, util::Position{m_name, 0, 0},
                      fmt::format("cannot render template: {}", parsed.error_message()));
  }
  if (escape_for(std::filesystem::path(m_name).filename()) == Escape::markdown) {
    collapse_blank_lines(text);
  }
  if (!text.empty() && text.back() != '\n') {
    text += '\n'; // a text file ends with a newline, whatever the template's last line
  }
  return text;
}

std::set<std::string> LetterTemplate::field_names() const {
  std::set<std::string> names;
  for (const auto &tag : field_tags(m_text, m_name)) {
    for (auto &part : name_parts(tag.name)) {
      names.insert(std::move(part));
    }
  }
  return names;
}

void LetterTemplate::check_fields(const std::set<std::string> &known) const {
  for (const auto &tag : field_tags(m_text, m_name)) {
    for (const auto &part : name_parts(tag.name)) {
      if (!known.contains(part)) {
        throw util::Error(
            util::ExitCode::data, util::Position{m_name, tag.line, tag.column},
            fmt::format("unknown field '{}' in the template (the fields of this letter: {})",
                        tag.name, fmt::join(known, ", ")));
      }
    }
  }
}

std::set<std::string> context_fields(const Node &context) {
  std::set<std::string> fields;
  add_context_fields(context, fields);
  return fields;
}

void write_letters(const std::filesystem::path &dir, const std::string &batch,
                   const std::vector<Letter> &letters, util::BatchRun run) {
  std::vector<util::BatchFile> files;
  files.reserve(letters.size());
  for (const auto &letter : letters) {
    files.push_back(util::BatchFile{letter.file_name, letter.content});
  }
  util::write_batch(dir, batch, files, run);
}

} // namespace isukit::io
