// Mustache letters: user templates with hostile field values. The input is a template, a NUL
// byte, then field values separated by NUL bytes (a, b, c, ...). Invariants: a bad template is a
// data error; a value is never read as a tag (it comes out as written, escaped for the file's
// kind: Markdown, HTML or LaTeX); HTML and LaTeX output carries no unescaped special character of a
// value.
#include <isukit/io/letters.hpp>
#include <isukit/io/render.hpp>

#include "harness.hpp"

using namespace isukit;

namespace {

io::Node context_of(std::string_view values) {
  io::Node context = io::Node::mapping();
  io::Node list = io::Node::sequence();
  char key = 'a';
  while (!values.empty() && key <= 'z') {
    const auto end = values.find('\0');
    const std::string value(values.substr(0, end));
    context.add(std::string(1, key++), io::Node::string(value));
    io::Node item = io::Node::mapping();
    item.add("v", io::Node::string(value));
    list.push(std::move(item));
    values = end == std::string_view::npos ? std::string_view() : values.substr(end + 1);
  }
  context.add("list", std::move(list));
  return context;
}

/// `{{a}}` alone renders exactly the value, escaped for the kind of file.
void check_value_is_data(const io::Node &context) {
  const io::Node *a = context.find("a");
  if (!a) {
    return;
  }
  const std::string &value = a->text();
  // A letter ends with a newline unless it is empty.
  const auto as_letter = [](std::string text) {
    return text.empty() || text.back() == '\n' ? text : text + '\n';
  };
  const auto rendered = [&](const char *name) {
    return io::LetterTemplate::from_text("{{a}}", name).render(context);
  };
  fuzz::require(rendered("letter.md") == as_letter(io::escape_markdown(value)),
                "a value was not Markdown-escaped: " + value);
  fuzz::require(rendered("letter.html") == as_letter(io::escape_html(value)),
                "a value was not HTML-escaped: " + value);
  fuzz::require(rendered("letter.tex") == as_letter(io::escape_latex(value)),
                "a value was not LaTeX-escaped: " + value);
  const std::string html = io::escape_html(value);
  fuzz::require(html.find_first_of("<>\"'") == std::string::npos,
                "escape_html left a special character: " + html);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
  const std::string_view input = fuzz::text_of(data, size);
  const auto split = input.find('\0');
  const std::string template_text(input.substr(0, split));
  const io::Node context =
      context_of(split == std::string_view::npos ? std::string_view() : input.substr(split + 1));
  check_value_is_data(context);
  for (const char *name : {"letter.md.mustache", "letter.html.mustache", "letter.tex.mustache"}) {
    try {
      const auto letter = io::LetterTemplate::from_text(template_text, name);
      const std::string text = letter.render(context);
      fuzz::require(text.empty() || text.back() == '\n', "a letter does not end with a newline");
    } catch (const util::Error &error) {
      fuzz::require(error.code() == util::ExitCode::data,
                    "a bad template is not a data error: " + error.located_message());
      fuzz::require(error.position().file == name, "a template error does not name the template");
    }
  }
  return 0;
}
