#include <isukit/io/letters.hpp>

#include <doctest/doctest.h>

using namespace isukit;
using namespace isukit::io;

TEST_CASE("escape_markdown keeps what a person typed as text") {
  CHECK(escape_markdown("Applicant One") == "Applicant One");
  CHECK(escape_markdown("<img src=x onerror=alert(1)>") == "\\<img src=x onerror=alert(1)\\>");
  CHECK(escape_markdown("*bold* _it_ [link](x) #1") == "\\*bold\\* \\_it\\_ \\[link\\](x) \\#1");
  CHECK(escape_markdown("two\nlines\r\nend") == "two lines end");
  CHECK(escape_markdown("- item") == "\\- item");
  CHECK(escape_markdown("1. item") == "1\\. item");
  CHECK(escape_markdown("3.96 %") == "3.96 %");       // a rate is no list item
  CHECK(escape_markdown("Timor-Leste") == "Timor-Leste"); // a hyphen inside a word is text
  CHECK(escape_markdown("a\\b | c") == "a\\\\b \\| c");
}

TEST_CASE("a Markdown template escapes values, a text template does not") {
  Node context = Node::mapping();
  context.add("name", Node::string("*Jo* <b>"));
  const auto md = LetterTemplate::from_text("{{name}}|{{{name}}}", "letter.en.md.mustache");
  CHECK(md.render(context) == "\\*Jo\\* \\<b\\>|*Jo* <b>\n");
  const auto txt = LetterTemplate::from_text("{{name}}", "letter.en.txt.mustache");
  CHECK(txt.render(context) == "*Jo* <b>\n");
}
