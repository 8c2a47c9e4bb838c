#include <isukit/io/inputs.hpp>
#include <isukit/io/letters.hpp>
#include <isukit/io/render.hpp>
#include <isukit/util/atomic_batch.hpp>
#include <isukit/util/text_encoding.hpp>

#include <fmt/format.h>
#include <kainjow/mustache.hpp>

namespace isukit::io {

namespace {

namespace mustache = kainjow::mustache;

std::filesystem::path without_mustache_suffix(const std::filesystem::path& name) {
  return name.extension() == ".mustache" ? name.stem() : name;
}

mustache::data to_data(const Node& node) {
  if (node.is_mapping()) {
    mustache::data object{mustache::data::type::object};
    for (const auto& entry : node.entries()) {
      object.set(entry.key, to_data(entry.value));
    }
    return object;
  }
  if (node.is_sequence()) {
    mustache::data list{mustache::data::type::list};
    for (const auto& item : node.items()) {
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

/// Characters that open markup wherever they are.
bool is_markdown_special(char c) { return std::string_view("\\`*_{}[]<>#|~&").find(c) != std::string_view::npos; }

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

Escape escape_for(const std::filesystem::path& output_name) {
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

LetterTemplate LetterTemplate::load(const std::filesystem::path& path) {
  return from_text(read_file(path.string()), path.string());
}

LetterTemplate LetterTemplate::from_text(std::string text, std::string name) {
  util::require_utf8(text, name); // a user's --template, like every input, is UTF-8 text
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

std::string LetterTemplate::render(const Node& context) const {
  mustache::mustache parsed(m_text);
  switch (escape_for(std::filesystem::path(m_name).filename())) {
  case Escape::html:
    parsed.set_custom_escape([](const std::string& s) { return escape_html(s); });
    break;
  case Escape::latex:
    parsed.set_custom_escape([](const std::string& s) { return escape_latex(s); });
    break;
  case Escape::markdown:
    parsed.set_custom_escape([](const std::string& s) { return escape_markdown(s); });
    break;
  case Escape::none:
    parsed.set_custom_escape([](const std::string& s) { return s; });
    break;
  }
  std::string text = parsed.render(to_data(context));
  if (!parsed.is_valid()) {
    throw util::Error(util::ExitCode::data, util::Position{m_name, 0, 0},
                      fmt::format("cannot render template: {}", parsed.error_message()));
  }
  if (!text.empty() && text.back() != '\n') {
    text += '\n'; // a text file ends with a newline, whatever the template's last line
  }
  return text;
}

void write_letters(const std::filesystem::path& dir, const std::vector<Letter>& letters) {
  std::vector<util::BatchFile> files;
  files.reserve(letters.size());
  for (const auto& letter : letters) {
    files.push_back(util::BatchFile{letter.file_name, letter.content});
  }
  util::write_batch(dir, files);
}

} // namespace isukit::io
